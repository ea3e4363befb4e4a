package eu.tutela.policy.variables;

import eu.tutela.policy.Lang;

/** The legal ground for a transfer outside the EEA (GDPR Chapter V). */
public enum TransferSafeguard {
    ADEQUACY_DECISION("une décision d’adéquation de la Commission européenne (art. 45 RGPD)",
            "an adequacy decision of the European Commission (Art. 45 GDPR)"),
    STANDARD_CONTRACTUAL_CLAUSES("les clauses contractuelles types de la Commission européenne (art. 46 RGPD)",
            "the European Commission’s standard contractual clauses (Art. 46 GDPR)"),
    BINDING_CORPORATE_RULES("des règles d’entreprise contraignantes (art. 47 RGPD)",
            "binding corporate rules (Art. 47 GDPR)");

    private final String fr;
    private final String en;

    TransferSafeguard(String fr, String en) {
        this.fr = fr;
        this.en = en;
    }

    public String label(Lang lang) {
        return lang == Lang.FR ? fr : en;
    }
}
