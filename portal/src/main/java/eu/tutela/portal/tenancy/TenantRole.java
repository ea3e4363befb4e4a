package eu.tutela.portal.tenancy;

/** What a person may do inside one tenant. Held in the portal's database, never in the token. */
public enum TenantRole {
    ADMIN, DPO, STAFF, GUARDIAN, STUDENT
}
