package eu.tutela.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends, at its next request, a portal session that Keycloak has ended, whichever replica Keycloak
 * told (see {@link PortalSessions}). The request then goes on unauthenticated: a page asks the
 * person to sign in again.
 */
class RevokedSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RevokedSessionFilter.class);

    private final PortalSessions sessions;

    RevokedSessionFilter(PortalSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !isStaticResource(request) && sessions.takeRevocation(session.getId())) {
            log.info("Portal session ended: Keycloak ended its sign-in session");
            SecurityContextHolder.clearContext();
            session.invalidate();
        }
        chain.doFilter(request, response);
    }

    /** Vaadin's bundle and the stylesheet: fetched with the session cookie, but showing nobody's data. */
    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/VAADIN/static/") || path.startsWith("/VAADIN/build/") || path.startsWith("/styles/");
    }
}
