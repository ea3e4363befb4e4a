package eu.tutela.portal.policy;

import java.util.List;
import java.util.Map;

/** The values of HEMI's policy (seed 004, as in policy-templates/examples), as an editor would fill them in. */
public final class HemiPolicy {

    public static final String TEMPLATE = "higher-education";

    private HemiPolicy() {
    }

    /** {@code draft} (started from the institution's settings) with every value of HEMI's policy filled in. */
    public static DraftContent filledIn(DraftContent draft) {
        return draft
                .withValue("controller.name", "Haute École des Mines et de l’Industrie (HEMI)")
                .withValue("controller.address", "1 avenue de l’Industrie, 59000 Lille")
                .withValue("contact.email", "contact@hemi.example")
                .withValue("contact.phone", "+33 3 20 00 00 00")
                .withValue("contact.channels", List.of("EMAIL", "SMS", "WHATSAPP", "PHONE", "POST", "AUTOMATED"))
                .withValue("marketing.channels", List.of("EMAIL", "SMS", "WHATSAPP", "PHONE"))
                .withValue("dpo.name", "Claire Dubœuf")
                .withValue("dpo.email", "dpo@hemi.example")
                .withValue("recipients.categories", List.of("HOSTING", "MAINTENANCE", "COMMUNICATION"))
                .withValue("processors", List.of(Map.of("name", "Scaleway", "category", "HOSTING", "country", "FR")))
                .withValue("retention.account", "5 ans")
                .withValue("retention.logs", "1 an")
                .withClause("organisations", "on")
                .withClause("location", "on")
                .withClause("marketing", "on");
    }

    /** The substantial change of the "done when": a processor outside the EEA. */
    public static DraftContent withProcessorOutsideEea(DraftContent content) {
        return content.withValue("processors", List.of(
                Map.of("name", "Scaleway", "category", "HOSTING", "country", "FR"),
                Map.of("name", "WhatsApp Business (Meta Platforms)", "category", "COMMUNICATION", "country", "US",
                        "safeguard", "STANDARD_CONTRACTUAL_CLAUSES")));
    }
}
