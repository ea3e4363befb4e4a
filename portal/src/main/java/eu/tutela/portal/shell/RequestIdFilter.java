package eu.tutela.portal.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request's log lines carry its id (the ingress's {@code X-Request-Id} when it sends a sane one, else a new one,
 * returned in the response), and the institution's id once the request is bound to one: what ties a line of the JSON
 * logs to the request an operator is looking at, without any personal data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String REQUEST_ID = "request.id";
    static final String TENANT_ID = "tenant.id";
    private static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._-]{8,64}$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        MDC.put(REQUEST_ID, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(TENANT_ID);
        }
    }
}
