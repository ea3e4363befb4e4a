package eu.tutela.policy.variables;

/**
 * Categories of recipients and processors that a policy must name (GDPR Art. 13(1)(e)).
 * Labels: catalogue/labels/*.yaml, "recipient-categories".
 */
public enum RecipientCategory {
    HOSTING, PAYMENT, COMMUNICATION, ANALYTICS, MAINTENANCE, PARTNER_INSTITUTION
}
