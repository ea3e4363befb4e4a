package eu.tutela.portal.audit;

import eu.tutela.portal.security.PortalUser;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.tenancy.ActingPerson;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.TenantContext;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every {@link AuditedChange} to the tenant's chain inside the transaction that published
 * it: the entry commits with the change or not at all, and within a tenant the chain's order is the
 * order in which the changes committed.
 */
@Component
class AuditRecorder {

    static final String SYSTEM = "system";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditEntries entries;
    private final PortalUsers users;

    AuditRecorder(AuditEntries entries, PortalUsers users) {
        this.entries = entries;
        this.users = users;
    }

    @EventListener
    void record(AuditedChange change) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An audited change is published inside the transaction that makes it: " + change.action());
        }
        UUID tenant = TenantContext.current()
                .orElseThrow(() -> new IllegalStateException("An audited change belongs to a tenant: " + change.action()));
        UUID actor = ActingPerson.current().orElse(null);
        String actorLabel = actor == null ? SYSTEM
                : users.find(actor).map(AuditRecorder::label).orElse(actor.toString());
        // Sorted keys: the same change always reads the same, in the trail and in its export.
        String summary = JSON.writeValueAsString(new TreeMap<>(Map.of("before", new TreeMap<>(change.before()),
                "after", new TreeMap<>(change.after()))));

        entries.lockChain();
        AuditEntries.Link last = entries.last();
        long seq = last.seq() + 1;
        Instant at = AuditChain.storable(Instant.now());
        String hash = AuditChain.hash(last.hash(), tenant, seq, at, actor, actorLabel, change.action(), change.subjectType(),
                change.subjectId(), change.subjectLabel(), summary);
        entries.append(new AuditEntry(tenant, seq, at, actor, actorLabel, change.action(), change.subjectType(),
                change.subjectId(), change.subjectLabel(), summary, last.hash(), hash));
    }

    private static String label(PortalUser user) {
        return user.displayName() + " <" + user.email() + ">";
    }
}
