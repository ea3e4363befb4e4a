package eu.tutela.tenantadmin.keycloak;

/** A Keycloak user as the portal needs it (the e-mail address is the username). */
public record DirectoryUser(String id, String email, String firstName, String lastName, boolean enabled, String locale) {
}
