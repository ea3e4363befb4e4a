package eu.tutela.portal.tenancy;

import java.util.UUID;

/** An institution using Tutela. Its slug is also its Keycloak organization's alias. */
public record Tenant(UUID id, String slug, String name, String country, String defaultLocale) {
}
