package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.html.Span;
import eu.tutela.portal.rights.RequestDeadline;
import eu.tutela.portal.rights.RightsRequest;
import java.time.LocalDate;

/** The badges a request shows wherever it is listed: its state, and for an open one the days left, coloured by urgency. */
final class RequestBadges {

    private RequestBadges() {
    }

    static Span status(RightsRequest request) {
        Span badge = new Span();
        badge.setText(badge.getTranslation("rights.status." + request.status().name()));
        badge.addClassNames("status-badge", request.status().closed() ? "request-closed" : "request-open");
        return badge;
    }

    static Span daysLeft(RightsRequest request, LocalDate today) {
        Span badge = new Span();
        if (request.status().closed()) {
            return badge;
        }
        RequestDeadline.Urgency urgency = request.deadline().urgency(today);
        long left = request.deadline().daysLeft(today);
        badge.setText(badge.getTranslation("rights.daysLeft." + urgency.name(), Math.abs(left)));
        badge.addClassNames("status-badge", "request-" + urgency.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return badge;
    }
}
