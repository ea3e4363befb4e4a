package eu.tutela.portal.security;

/**
 * A person's account was erased in an institution (GDPR Art. 17): its Keycloak identity leaves that institution's
 * organization, and is deleted when the account was {@code freed} (no other institution needs it). Delivered at least
 * once, after the commit. It names the identity by its Keycloak id only: the publication outlives the erasure.
 */
public record AccountErased(String tenantSlug, String subject, boolean freed) {
}
