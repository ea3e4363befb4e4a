package eu.tutela.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import eu.tutela.portal.security.CurrentUser;
import eu.tutela.portal.security.LocalePreference;
import eu.tutela.portal.security.PortalUsers;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * FR/EN. The choice is kept on the person's record (so it follows them to another device) and in a
 * cookie (so the sign-in page and Keycloak's own pages speak it too before anyone is signed in).
 */
@Component
class LanguageSwitch {

    private final CurrentUser currentUser;
    private final PortalUsers users;

    LanguageSwitch(CurrentUser currentUser, PortalUsers users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    Select<Locale> create() {
        Select<Locale> select = new Select<>();
        select.setId("language-switch");
        select.setAriaLabel(select.getTranslation("header.language"));
        select.setItems(LocalePreference.SUPPORTED);
        select.setItemLabelGenerator(locale -> select.getTranslation("language." + locale.getLanguage()));
        select.setValue(Locale.of(UI.getCurrent().getLocale().getLanguage()));
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                choose(e.getValue());
            }
        });
        return select;
    }

    void choose(Locale locale) {
        currentUser.signedIn().ifPresent(user -> users.rememberLocale(user.portalUserId(), locale));
        VaadinService.getCurrentResponse().addCookie(LocalePreference.cookie(locale, VaadinService.getCurrentRequest().isSecure()));
        VaadinSession.getCurrent().setLocale(locale);
        // Every text on the page was rendered in the old language: render it again.
        UI.getCurrent().getPage().reload();
    }
}
