package eu.tutela.portal.consent;

import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.people.ConsentParties;
import eu.tutela.portal.people.People;
import eu.tutela.portal.tenancy.ActiveTenants;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Students who reach the age of digital consent (GDPR Art. 8, in the institution's time zone): from that day their own
 * decisions count and their guardians' stay as history ({@link ConsentService} reads it so whenever it is asked, with
 * no rewrite of anything). This task tells them and their guardians, once: a recurring task of the job engine (one
 * replica at a time), each student noticed in the transaction that records it (a second run, or a second replica,
 * finds them recorded and sends nothing). It looks back a month, so that days the portal was down are not missed.
 */
@Component
class ComingOfAge {

    static final int LOOK_BACK_DAYS = 31;

    private final ActiveTenants activeTenants;
    private final TenantSettingsService settings;
    private final People people;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ComingOfAge(ActiveTenants activeTenants, TenantSettingsService settings, People people, Outbox outbox, JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.activeTenants = activeTenants;
        this.settings = settings;
        this.people = people;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every active institution in turn, each in its own transaction: one failing does not hold the others back. */
    void noticeEveryone() {
        activeTenants.each("student(s) came of age for consent", this::notice);
    }

    /** The students of the bound institution who came of age lately and were not told yet; returns how many. */
    int notice() {
        TenantSettings tenant = settings.current();
        LocalDate today = LocalDate.now(tenant.timeZone());
        int noticed = 0;
        for (ConsentParties student : people.cameOfAgeSince(today.minusDays(LOOK_BACK_DAYS))) {
            int inserted = jdbc.sql("""
                            insert into consent_coming_of_age (tenant_id, person_id, reached_on) values (current_tenant_id(), ?, ?)
                            on conflict do nothing""")
                    .params(student.personId(), today).update();
            if (inserted == 0) {
                continue;
            }
            noticed++;
            tell(student, tenant);
            events.publishEvent(AuditedChange.of("consent.cameOfAge", "person", student.personId(), student.name(), Map.of("minor", true),
                    Map.of("minor", false, "age", tenant.digitalConsentAge())));
        }
        return noticed;
    }

    private void tell(ConsentParties student, TenantSettings tenant) {
        if (student.email() != null) {
            outbox.send(new Mail(student.email(), locale(student.language(), tenant), Mail.text("consent.cameOfAge.student.subject",
                    tenant.displayName()), List.of(Mail.text("consent.cameOfAge.student.body", tenant.digitalConsentAge(), tenant.displayName()),
                    Mail.text("consent.cameOfAge.student.how")), null, null));
        }
        for (ConsentParties.Party guardian : student.guardians()) {
            if (guardian.email() != null) {
                outbox.send(new Mail(guardian.email(), locale(guardian.language(), tenant), Mail.text("consent.cameOfAge.guardian.subject",
                        student.name()), List.of(Mail.text("consent.cameOfAge.guardian.body", student.name(), tenant.digitalConsentAge(),
                        tenant.displayName()), Mail.text("consent.cameOfAge.guardian.history")), null, null));
            }
        }
    }

    private static Locale locale(String language, TenantSettings tenant) {
        return Locale.of(language != null ? language : tenant.languages().getFirst());
    }
}
