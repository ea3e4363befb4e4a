package eu.tutela.portal.consent;

import eu.tutela.policy.LawfulBasis;
import java.util.Locale;
import java.util.UUID;

/**
 * One purpose an institution processes personal data for. A purpose that needs consent is off for a person until
 * someone consents; any other is always on. {@code sectionId} and {@code statedIn} name the policy section and version
 * that state it (null for a purpose added by hand); {@code reworded} when its wording was adapted here.
 */
public record ConsentPurpose(UUID id, String code, PurposeWording wording, LawfulBasis basis, String sectionId, Integer statedIn,
        Status status, boolean reworded) {

    public enum Status { ACTIVE, RETIRED }

    public boolean consentRequired() {
        return basis.isConsent();
    }

    /** Off until consent for a purpose that needs it, else always on. */
    public boolean defaultOn() {
        return !consentRequired();
    }

    /** What its messages are about, for the channels a person accepts: the policy's marketing section, or information. */
    public ChannelTopic topic() {
        return "contact-marketing".equals(sectionId) ? ChannelTopic.MARKETING : ChannelTopic.INFORMATION;
    }

    public boolean addedByHand() {
        return statedIn == null;
    }

    public String name(Locale locale) {
        return wording.name(locale);
    }

    public String description(Locale locale) {
        return wording.description(locale);
    }
}
