package eu.tutela.portal.platform;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import eu.tutela.portal.security.Invitations;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantRole;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new institution's first administrator is invited by the portal, whoever created it (the console or the command
 * line, which has no mail of its own): a recurring task finds active tenants whose named administrator has no
 * invitation yet and invites them, once, in one transaction with the mark that says so.
 */
@Configuration(proxyBeanMethods = false)
class FirstAdministrators {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrators.class);

    private record Pending(UUID tenantId, String email, String language) {
    }

    @Bean
    RecurringTask<Void> firstAdministratorsTask(JdbcClient jdbc, TransactionTemplate transactions,
            ObjectProvider<Invitations> invitations, ApplicationEventPublisher events,
            @Value("${tutela.platform.onboarding-interval:5s}") Duration interval) {
        // Invitations are looked up when the task runs: they send mail through the engine this task belongs to.
        return Tasks.recurring("first-administrators", FixedDelay.of(interval))
                .execute((instance, context) -> {
                    List<Pending> pending = transactions.execute(s -> jdbc.sql("""
                                    select id, first_admin_email, default_locale from tenant
                                     where status = 'ACTIVE' and first_admin_email is not null and first_admin_invited_at is null""")
                            .query((rs, row) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list());
                    pending.forEach(p -> TenantContext.runAs(p.tenantId(),
                            () -> invite(p, jdbc, transactions, invitations.getObject(), events)));
                });
    }

    private static void invite(Pending pending, JdbcClient jdbc, TransactionTemplate transactions, Invitations invitations,
            ApplicationEventPublisher events) {
        try {
            transactions.executeWithoutResult(s -> {
                int mine = jdbc.sql("update tenant set first_admin_invited_at = now() where id = ? and first_admin_invited_at is null")
                        .param(pending.tenantId()).update();
                if (mine == 0) {
                    return; // another replica did it meanwhile
                }
                invitations.invite(pending.email(), TenantRole.ADMIN, Locale.of(pending.language()));
                events.publishEvent(AuditedChange.of("tenant.created", "tenant", pending.tenantId(), pending.email(), Map.of(),
                        Map.of("firstAdministrator", pending.email())));
            });
            log.info("Tenant {}: first administrator invited", pending.tenantId());
        } catch (InvalidInputException e) {
            log.warn("Tenant {}: first administrator not invited: {}", pending.tenantId(), e.getMessage());
        }
    }
}
