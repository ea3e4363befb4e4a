package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import eu.tutela.portal.rights.RequestEvent;
import eu.tutela.portal.shell.TenantTimes;
import java.util.List;

/** A request's timeline as a list, oldest first: when, what, by whom, and what was written (as text). */
class RequestTimelineList extends OrderedList {

    RequestTimelineList(List<RequestEvent> events, TenantTimes times) {
        addClassName("request-timeline");
        for (RequestEvent event : events) {
            ListItem item = new ListItem();
            item.addClassName("request-event-" + event.kind().name().toLowerCase(java.util.Locale.ROOT));
            String what = event.kind() == RequestEvent.Kind.STATUS
                    ? getTranslation("rights.status." + event.status().name())
                    : getTranslation("rights.event." + event.kind().name());
            Span head = new Span(times.format(event.at()) + " · " + what + (event.byName() == null ? "" : " · " + event.byName()));
            head.addClassName("request-event-head");
            item.add(head);
            if (event.body() != null) {
                Paragraph body = new Paragraph(event.body());
                body.addClassName("request-event-body");
                item.add(body);
            }
            add(item);
        }
    }
}
