package eu.tutela.portal.tenancy;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The settings of the tenant of the current work: read by its members, changed by its administrators. */
@Service
public class TenantSettingsService {

    private static final String COLUMNS = """
            id, slug, name, primary_colour, country, consent_age, consent_age_reason, languages, time_zone,
            dpo_name, dpo_email, authority_name, authority_url, logo is not null as has_logo""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    TenantSettingsService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public TenantSettings current() {
        return read().orElseThrow(() -> new IllegalStateException("No tenant bound"));
    }

    /** The settings of an active tenant by id, for pages shown before anyone is a member (an invitation). */
    @Transactional(readOnly = true)
    public Optional<TenantSettings> publicSettings(UUID tenantId) {
        return jdbc.sql("select " + COLUMNS + " from tenant where id = ? and status = 'ACTIVE'").param(tenantId)
                .query(TenantSettingsService::settings).optional();
    }

    /**
     * Applies a change; records it in the audit trail with what changed (before and after).
     *
     * @throws InvalidInputException naming each refused field; nothing is changed then
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN')")
    @Transactional
    public TenantSettings update(TenantSettings.Change change) {
        Map<String, String> problems = SettingsCheck.problems(change);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TenantSettings before = current();
        boolean override = change.consentAgeOverride() != null;
        jdbc.sql("""
                        update tenant set name = ?, primary_colour = ?, country = ?, consent_age = ?, consent_age_reason = ?,
                               languages = ?::text[], default_locale = ?, time_zone = ?, dpo_name = ?, dpo_email = ?,
                               authority_name = ?, authority_url = ?
                         where id = current_tenant_id()""")
                .params(change.displayName().strip(), BrandColour.parse(change.primaryColour()).orElseThrow().hex(),
                        change.country(), change.consentAgeOverride(), override ? change.consentAgeReason().strip() : null,
                        "{" + String.join(",", change.languages()) + "}", change.languages().getFirst(), change.timeZone(),
                        trimmed(change.dpoName()), EmailAddress.parse(change.dpoEmail()).orElse(null),
                        trimmed(change.authorityName()), trimmed(change.authorityUrl()))
                .update();
        TenantSettings after = current();
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        diff(summary(before), summary(after), was, now);
        if (!now.isEmpty()) {
            events.publishEvent(AuditedChange.of("tenant.settings.changed", "tenant", after.tenantId(), after.displayName(), was, now));
        }
        return after;
    }

    @PreAuthorize("@caller.has('ADMIN')")
    @Transactional
    public void replaceLogo(LogoImage logo) {
        TenantSettings settings = current();
        jdbc.sql("update tenant set logo = ?, logo_type = ? where id = current_tenant_id()")
                .params(logo.bytes(), logo.contentType()).update();
        events.publishEvent(AuditedChange.of("tenant.logo.changed", "tenant", settings.tenantId(), settings.displayName(),
                Map.of("logo", settings.hasLogo()), Map.of("logo", true, "type", logo.contentType(), "bytes", logo.bytes().length)));
    }

    @PreAuthorize("@caller.has('ADMIN')")
    @Transactional
    public void removeLogo() {
        TenantSettings settings = current();
        jdbc.sql("update tenant set logo = null, logo_type = null where id = current_tenant_id()").update();
        events.publishEvent(AuditedChange.of("tenant.logo.removed", "tenant", settings.tenantId(), settings.displayName(),
                Map.of("logo", settings.hasLogo()), Map.of("logo", false)));
    }

    /** The logo of an active tenant, for the pages that show it. */
    @Transactional(readOnly = true)
    public Optional<LogoImage> logo(UUID tenantId) {
        return jdbc.sql("select logo, logo_type from tenant where id = ? and status = 'ACTIVE' and logo is not null")
                .param(tenantId)
                .query((rs, row) -> new LogoImage(rs.getBytes("logo"), rs.getString("logo_type")))
                .optional();
    }

    private Optional<TenantSettings> read() {
        return jdbc.sql("select " + COLUMNS + " from tenant where id = current_tenant_id()")
                .query(TenantSettingsService::settings).optional();
    }

    private static TenantSettings settings(ResultSet rs, int row) throws SQLException {
        Array languages = rs.getArray("languages");
        return new TenantSettings(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
                rs.getString("primary_colour"), rs.getString("country"), rs.getObject("consent_age", Integer.class),
                rs.getString("consent_age_reason"), List.copyOf(Arrays.asList((String[]) languages.getArray())),
                ZoneId.of(rs.getString("time_zone")), rs.getString("dpo_name"), rs.getString("dpo_email"),
                rs.getString("authority_name"), rs.getString("authority_url"), rs.getBoolean("has_logo"));
    }

    private static Map<String, Object> summary(TenantSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("displayName", s.displayName());
        m.put("primaryColour", s.primaryColour());
        m.put("country", s.country());
        m.put("consentAge", s.digitalConsentAge());
        m.put("consentAgeReason", s.consentAgeReason());
        m.put("languages", String.join(",", s.languages()));
        m.put("timeZone", s.timeZone().getId());
        m.put("dpoName", s.dpoName());
        m.put("dpoEmail", s.dpoEmail());
        m.put("authorityName", s.authorityName());
        m.put("authorityUrl", s.authorityUrl());
        return m;
    }

    /** Only what changed goes into the trail; a null stays visible as a removed value. */
    private static void diff(Map<String, Object> before, Map<String, Object> after, Map<String, Object> was, Map<String, Object> now) {
        after.forEach((key, value) -> {
            if (!Objects.equals(before.get(key), value)) {
                was.put(key, before.get(key) == null ? "" : before.get(key));
                now.put(key, value == null ? "" : value);
            }
        });
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
