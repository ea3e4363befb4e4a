package eu.tutela.policy.variables;

import eu.tutela.policy.Lang;
import eu.tutela.policy.catalogue.Labels;

/**
 * Categories of recipients and processors that a policy must name (GDPR Art. 13(1)(e)).
 * Labels: catalogue/labels/*.yaml, "recipient-categories".
 */
public enum RecipientCategory {
    HOSTING, PAYMENT, COMMUNICATION, ANALYTICS, MAINTENANCE, PARTNER_INSTITUTION;

    public String label(Lang lang) {
        return Labels.get().label(this, lang);
    }
}
