package eu.tutela.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A service that refuses (a membership revoked since the page opened, a tenant suspended, a role
 * taken away) takes the person to the "not available" page at that very request, instead of
 * Vaadin's generic error notice.
 */
@Component
class RefusalErrorHandler implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        UI ui = UI.getCurrent();
        if (ui != null && isRefusal(event.getThrowable())) {
            ui.navigate(TenantUnavailableView.class);
            return;
        }
        new DefaultErrorHandler().error(event);
    }

    private static boolean isRefusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return true;
            }
        }
        return false;
    }
}
