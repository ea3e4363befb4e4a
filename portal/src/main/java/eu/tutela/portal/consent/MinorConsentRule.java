package eu.tutela.portal.consent;

/**
 * Whose consent a minor's consent is, among the guardians holding parental responsibility: one of them (unless another
 * refused or withdrew: a parent's objection stops the processing), or all of them. Each institution chooses.
 */
public enum MinorConsentRule {
    ONE_GUARDIAN, ALL_GUARDIANS
}
