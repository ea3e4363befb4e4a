/**
 * The mail outbox: {@link eu.tutela.portal.notification.Outbox#send} writes a message in the
 * business transaction, in the recipient's language, HTML and plain text, under the tenant's name and
 * colour; the job engine delivers it afterwards, retrying with back-off while the SMTP server is away.
 */
package eu.tutela.portal.notification;
