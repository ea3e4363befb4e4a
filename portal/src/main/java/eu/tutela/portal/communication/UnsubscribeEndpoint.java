package eu.tutela.portal.communication;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The URL of a message's unsubscribe link, for mail clients and people alike. A client's one-click button POSTs to it
 * (RFC 8058, announced by the message's {@code List-Unsubscribe-Post} header) and the e-mails stop there and then; a
 * person, or a mail scanner, opening it is sent to the page that asks before anything changes.
 */
@Controller
class UnsubscribeEndpoint {

    static final String ONE_CLICK = "/unsubscribe/{token}/one-click";

    private final Unsubscriptions unsubscriptions;

    UnsubscribeEndpoint(Unsubscriptions unsubscriptions) {
        this.unsubscriptions = unsubscriptions;
    }

    /** The path of the link holding this secret. */
    static String path(String token) {
        return ONE_CLICK.replace("{token}", token);
    }

    @PostMapping(ONE_CLICK)
    ResponseEntity<Void> oneClick(@PathVariable String token) {
        UnsubscribeLink link = unsubscriptions.stop(token);
        return ResponseEntity.status(link.state() == UnsubscribeLink.State.VALID ? HttpStatus.OK : HttpStatus.NOT_FOUND).build();
    }

    @GetMapping(ONE_CLICK)
    ResponseEntity<Void> page(@PathVariable String token) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/unsubscribe/{token}").buildAndExpand(token).toUri())
                .build();
    }
}
