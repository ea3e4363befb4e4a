package eu.tutela.portal.notification;

import java.io.Serializable;
import java.util.UUID;

/** What the engine stores to deliver one outbox message: the tenant to bind and the message's id. */
record MailDelivery(UUID tenantId, UUID mailId) implements Serializable {
}
