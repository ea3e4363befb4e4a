package eu.tutela.portal.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a service's refusal where the person looks: each problem on its field, in the person's
 * language; a problem without a field of its own in a notification. Cleared before each attempt.
 */
public final class FieldErrors {

    private final Component view;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldErrors(Component view) {
        this.view = view;
    }

    public FieldErrors on(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    public void show(InvalidInputException refused) {
        clear();
        refused.problems().forEach((field, key) -> {
            HasValidation target = fields.get(field);
            String message = view.getTranslation(key);
            if (target != null) {
                target.setErrorMessage(message);
                target.setInvalid(true);
            } else {
                notify(view, message);
            }
        });
    }

    /** Something done, announced the same way. */
    public static void announce(Component view, String message) {
        Notification notification = Notification.show(message, 6_000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** A short message announced to screen readers (the notification is a live region). */
    public static void notify(Component view, String message) {
        Notification notification = Notification.show(message, 6_000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
