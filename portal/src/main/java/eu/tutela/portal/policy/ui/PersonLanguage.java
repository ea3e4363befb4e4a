package eu.tutela.portal.policy.ui;

import eu.tutela.policy.Lang;
import java.util.Locale;

/** The catalogue's language closest to the one the person reads the portal in (the portal speaks French and English). */
final class PersonLanguage {

    private PersonLanguage() {
    }

    static Lang of(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? Lang.FR : Lang.EN;
    }
}
