package eu.tutela.policy.variables;

import eu.tutela.policy.Lang;
import eu.tutela.policy.catalogue.Labels;

/** A way the institution reaches people, or people reach it. Labels: catalogue/labels/*.yaml, "channels". */
public enum Channel {
    EMAIL, SMS, WHATSAPP, PHONE, POST, IN_APP, AUTOMATED;

    public String label(Lang lang) {
        return Labels.get().label(this, lang);
    }
}
