package eu.tutela.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;

/**
 * What a refused request gets from the security filter: a person's browser asking for a page is sent
 * to the localised "not available" page (not a blank 403); anything else gets the bare status.
 */
public final class Refusals {

    /** The route of the "not available" page. */
    public static final String NOT_AVAILABLE_PATH = "not-available";

    private Refusals() {
    }

    static void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        String accept = request.getHeader("Accept");
        if ("GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")) {
            response.sendRedirect(request.getContextPath() + "/" + NOT_AVAILABLE_PATH);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
