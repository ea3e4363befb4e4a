package eu.tutela.portal.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The security headers of every page, in one place. Spring Security writes them on the responses
 * it produces (see SecurityConfiguration); Vaadin's page bootstrap writes its response past them (it
 * sent {@code X-Frame-Options: SAMEORIGIN} and none of the others, measured), so they are set again on it here.
 */
@Component
class PageHeaders implements VaadinServiceInitListener {

    /**
     * Vaadin Flow's client engine needs inline and evaluated scripts and inline styles (its own
     * documentation, "Content Security Policy"); everything else comes from the portal itself, no
     * page may frame it, and no plugin, base or form target elsewhere is allowed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Browser features no page of the portal uses. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Permissions-Policy", PERMISSIONS_POLICY,
            "Referrer-Policy", REFERRER_POLICY,
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> write(page.getVaadinResponse()));
    }

    private static void write(VaadinResponse response) {
        HEADERS.forEach(response::setHeader);
    }
}
