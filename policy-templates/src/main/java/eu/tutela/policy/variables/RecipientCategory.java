package eu.tutela.policy.variables;

import eu.tutela.policy.Lang;

/** Categories of recipients and processors that a policy must name (GDPR Art. 13(1)(e)). */
public enum RecipientCategory {
    HOSTING("hébergement", "hosting"),
    PAYMENT("paiement", "payment"),
    COMMUNICATION("communication", "communication"),
    ANALYTICS("mesure d’audience et analyse", "analytics"),
    MAINTENANCE("maintenance informatique", "IT maintenance"),
    PARTNER_INSTITUTION("établissement partenaire", "partner institution");

    private final String fr;
    private final String en;

    RecipientCategory(String fr, String en) {
        this.fr = fr;
        this.en = en;
    }

    public String label(Lang lang) {
        return lang == Lang.FR ? fr : en;
    }
}
