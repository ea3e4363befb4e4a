package eu.tutela.policy.variables;

/**
 * The legal ground for a transfer outside the EEA (GDPR Chapter V).
 * Labels: catalogue/labels/*.yaml, "transfer-safeguards".
 */
public enum TransferSafeguard {
    ADEQUACY_DECISION, STANDARD_CONTRACTUAL_CLAUSES, BINDING_CORPORATE_RULES
}
