/**
 * The audit trail: append-only and hash-chained per tenant. Other modules never write to it directly;
 * they publish {@link eu.tutela.portal.tenancy.AuditedChange} in their transaction and the trail
 * appends it there. {@link eu.tutela.portal.audit.AuditTrail} is the face for reading, verifying and
 * exporting it.
 */
package eu.tutela.portal.audit;
