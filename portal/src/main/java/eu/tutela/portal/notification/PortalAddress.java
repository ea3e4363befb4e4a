package eu.tutela.portal.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where the links in mail point. */
@Component
public class PortalAddress {

    private final String publicUrl;
    private final Environment environment;

    PortalAddress(@Value("${tutela.public-url:}") String publicUrl, Environment environment) {
        this.publicUrl = publicUrl;
        this.environment = environment;
    }

    /**
     * The configured public address (behind an ingress, the only right one); without it, the address the
     * person acting is using, else this instance's own port on loopback. No trailing slash.
     */
    public String base() {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.replaceAll("/+$", "");
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
    }
}
