package eu.tutela.portal.demo;

import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.tenantadmin.lifecycle.TenantSpec;
import java.util.List;
import java.util.Map;

/** The demo tenants and one person per role, the same on every machine. */
public final class DemoData {

    /** Loopback-only demo; printed at start-up so that a newcomer can sign in. */
    public static final String PASSWORD = "Tutela-demo-2026";

    /** A demo institution, with the settings its administrator would have given it. */
    public record DemoTenant(String slug, String name, String country, String defaultLocale, String colour, String timeZone,
            List<String> languages, String dpoName, String dpoEmail, String pendingInvitation) {
    }

    public static final DemoTenant HEMI = new DemoTenant("hemi", "Haute École des Mines et de l'Industrie", "FR", "fr", "#1f5f8b",
            "Europe/Paris", List.of("fr", "en"), "Bruno Lefèvre", "dpo@hemi.example", "nouvelle.recrue@hemi.example");
    public static final DemoTenant HORIZON = new DemoTenant("horizon", "Horizon Online Academy", "BE", "en", "#6b2d8c",
            "Europe/Brussels", List.of("en", "fr"), "Farah Janssens", "privacy@horizon.example", null);

    public static final DemoAccount ADMIN = account("admin@hemi.example", "Amélie", "Roussel", "fr", Map.of("hemi", TenantRole.ADMIN));
    public static final DemoAccount DPO = account("dpo@hemi.example", "Bruno", "Lefèvre", "fr", Map.of("hemi", TenantRole.DPO));
    public static final DemoAccount STAFF = account("staff@hemi.example", "Chloé", "Martin", "fr", Map.of("hemi", TenantRole.STAFF));
    /** A parent with children in both demo tenants: one identity, two memberships. */
    public static final DemoAccount GUARDIAN = account("parent@hemi.example", "David", "Nguyen", "fr",
            Map.of("hemi", TenantRole.GUARDIAN, "horizon", TenantRole.GUARDIAN));
    public static final DemoAccount STUDENT = account("student@hemi.example", "Emma", "Nguyen", "fr", Map.of("hemi", TenantRole.STUDENT));
    /** A lower-secondary school with pupils under 15: its policy speaks to the pupils in their own words. */
    public static final DemoTenant JEAN_MOULIN = new DemoTenant("jean-moulin", "Collège Jean Moulin", "FR", "fr", "#2e6b30",
            "Europe/Paris", List.of("fr", "en"), "Nadia Benali", "dpo@jean-moulin.example", null);
    public static final DemoAccount SCHOOL_ADMIN = account("direction@jean-moulin.example", "Hélène", "Garnier", "fr",
            Map.of("jean-moulin", TenantRole.ADMIN));
    public static final DemoAccount PUPIL = account("eleve@jean-moulin.example", "Léo", "Martin", "fr", Map.of("jean-moulin", TenantRole.STUDENT));
    public static final DemoAccount HORIZON_ADMIN = account("admin@horizon.example", "Farah", "Janssens", "en",
            Map.of("horizon", TenantRole.ADMIN));
    public static final DemoAccount OPERATOR = new DemoAccount("operator@tutela.example", "Gaspard", "Operator", "en", Map.of(), true);

    public static final List<DemoTenant> TENANTS = List.of(HEMI, HORIZON, JEAN_MOULIN);

    /**
     * An institution the platform operator created through the lifecycle and then suspended: the console shows a
     * suspended one, and the platform audit has a story to tell from the first start.
     */
    public static final TenantSpec SUSPENDED = new TenantSpec("conservatoire-lully", "Conservatoire Jean-Baptiste Lully", "FR",
            List.of("fr"), "Europe/Paris", "dpo@conservatoire-lully.example", "direction@conservatoire-lully.example");
    public static final List<DemoAccount> ACCOUNTS = List.of(ADMIN, DPO, STAFF, GUARDIAN, STUDENT, HORIZON_ADMIN, SCHOOL_ADMIN, PUPIL,
            OPERATOR);

    private DemoData() {
    }

    private static DemoAccount account(String email, String first, String last, String locale, Map<String, TenantRole> roles) {
        return new DemoAccount(email, first, last, locale, roles, false);
    }
}
