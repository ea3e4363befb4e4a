package eu.tutela.portal.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import eu.tutela.portal.security.CurrentUser;
import eu.tutela.portal.security.LocalePreference;
import eu.tutela.portal.security.PortalUser;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Picks each new tab's language: the signed-in person's choice, else the cookie, else the browser's. */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    LocaleInitializer(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            Locale locale = currentUser.portalUser().flatMap(PortalUser::locale).map(Locale::of)
                    .orElseGet(() -> request == null ? Locale.FRENCH : LocalePreference.of(request.getCookies(), request.getLocales()));
            init.getUI().getSession().setLocale(locale);
            init.getUI().setLocale(locale);
        });
    }
}
