package eu.tutela.portal.policy;

import eu.tutela.policy.LawfulBasis;

/**
 * A processing purpose as a published version states it, in both languages the portal speaks: what the consent
 * module seeds an institution's purposes from. {@code code} is the template's id for it ("photos").
 */
public record StatedPurpose(String code, String nameFr, String nameEn, String descriptionFr, String descriptionEn,
        LawfulBasis basis, String sectionId) {

    public boolean consentRequired() {
        return basis.isConsent();
    }
}
