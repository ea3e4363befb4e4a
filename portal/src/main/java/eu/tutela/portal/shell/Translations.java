package eu.tutela.portal.shell;

import com.vaadin.flow.i18n.I18NProvider;
import eu.tutela.portal.security.LocalePreference;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Vaadin reads every text through this; the texts live in messages.properties and messages_fr.properties. */
@Component
class Translations implements I18NProvider {

    private final MessageSource messages;

    Translations(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LocalePreference.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.getMessage(key, params, "!" + key, locale);
    }
}
