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

    /**
     * The child's own portal account: consent that a holder of parental responsibility gives for a minor's account on
     * the portal, an information society service offered directly to a child (GDPR Art. 8(1)). Every institution has
     * it; the policy does not state it, and nobody may retire it or change its basis.
     */
    public static final String ACCOUNT = "portal-account";

    public boolean isAccount() {
        return ACCOUNT.equals(code);
    }

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
        return statedIn == null && !isAccount();
    }

    public String name(Locale locale) {
        return wording.name(locale);
    }

    public String description(Locale locale) {
        return wording.description(locale);
    }
}
