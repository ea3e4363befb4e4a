package eu.tutela.portal.tenancy;

import java.util.UUID;

/** An institution's settings changed (name, colour, languages, time zone, legal defaults or logo). */
public record TenantSettingsChanged(UUID tenantId) {
}
