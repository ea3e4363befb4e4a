/**
 * The platform operator's console: institutions created, suspended, reactivated, exported and deleted through
 * tenant-admin's {@code TenantLifecycle} (which the command line uses too), the platform's audit stream, and the
 * work that follows the lifecycle in the portal (inviting a new institution's first administrator, finishing a
 * deletion's Keycloak side, exports in the background).
 */
package eu.tutela.portal.platform;
