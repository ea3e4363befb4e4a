package eu.tutela.portal.rights;

import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.notification.PortalAddress;
import eu.tutela.portal.security.Member;
import eu.tutela.portal.security.Members;
import eu.tutela.portal.tenancy.ActiveTenants;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells whoever handles a request that its due date nears (within {@value RequestDeadline#NEAR_DAYS} days), is today,
 * or has passed: the request's assignee, else the institution's DPOs (its administrators, where it has none). Once per
 * level and due date, recorded in the transaction that queues the mail: run twice, or on two replicas at once, it alerts
 * once; a request extended since alerts again as its new due date nears.
 */
@Component
class DeadlineAlerts {

    private final ActiveTenants activeTenants;
    private final RightsRequestRepository repository;
    private final JdbcClient jdbc;
    private final Members members;
    private final Outbox outbox;
    private final PortalAddress address;
    private final TenantSettingsService settings;
    private final MessageSource messages;

    DeadlineAlerts(ActiveTenants activeTenants, RightsRequestRepository repository, JdbcClient jdbc, Members members, Outbox outbox,
            PortalAddress address, TenantSettingsService settings, MessageSource messages) {
        this.activeTenants = activeTenants;
        this.repository = repository;
        this.jdbc = jdbc;
        this.members = members;
        this.outbox = outbox;
        this.address = address;
        this.settings = settings;
        this.messages = messages;
    }

    void alertEveryone() {
        activeTenants.each("deadline alert(s) for rights requests", this::alert);
    }

    /** The alerts due in the bound institution; returns how many requests were alerted. */
    int alert() {
        TenantSettings tenant = settings.current();
        LocalDate today = LocalDate.now(tenant.timeZone());
        List<Member> everyone = null;
        int sent = 0;
        for (RightsRequestRepository.Stored request : repository.queue(true)) {
            RequestDeadline.Urgency urgency = request.deadline().urgency(today);
            if (urgency == RequestDeadline.Urgency.ON_TIME) {
                continue;
            }
            int first = jdbc.sql("""
                            insert into rights_request_alert (tenant_id, request_id, level, due_on) values (current_tenant_id(), ?, ?, ?)
                            on conflict do nothing""")
                    .params(request.id(), urgency.name(), request.deadline().due()).update();
            if (first == 0) {
                continue;
            }
            everyone = everyone == null ? members.everyone() : everyone;
            for (Member member : recipients(request, everyone)) {
                tell(member, request, urgency, today, tenant);
            }
            sent++;
        }
        return sent;
    }

    private static List<Member> recipients(RightsRequestRepository.Stored request, List<Member> everyone) {
        List<Member> assignee = everyone.stream().filter(m -> m.userId().equals(request.assignedTo())
                && (m.roles().contains(TenantRole.DPO) || m.roles().contains(TenantRole.ADMIN))).toList();
        if (!assignee.isEmpty()) {
            return assignee;
        }
        return dposElseAdministrators(everyone);
    }

    /** Who answers for the institution's requests: its DPO members, or its administrators where it has none. */
    static List<Member> dposElseAdministrators(List<Member> everyone) {
        List<Member> dpos = everyone.stream().filter(m -> m.roles().contains(TenantRole.DPO)).toList();
        return dpos.isEmpty() ? everyone.stream().filter(m -> m.roles().contains(TenantRole.ADMIN)).toList() : dpos;
    }

    private void tell(Member member, RightsRequestRepository.Stored request, RequestDeadline.Urgency urgency, LocalDate today,
            TenantSettings tenant) {
        Locale locale = member.locale();
        String type = messages.getMessage("rights.type." + request.type().name(), null, locale);
        String due = request.deadline().due().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        outbox.send(new Mail(member.email(), locale, Mail.text("rights.alert.subject." + urgency.name(), request.reference()),
                List.of(Mail.text("rights.alert." + urgency.name(), request.reference(), type, due,
                        Math.abs(request.deadline().daysLeft(today)))),
                Mail.text("rights.mail.open"), address.base() + "/t/" + tenant.slug() + "/requests/" + request.id()));
    }
}
