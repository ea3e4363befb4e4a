package eu.tutela.tenantadmin.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import eu.tutela.tenantadmin.keycloak.DirectoryException;
import eu.tutela.tenantadmin.keycloak.DirectoryUnavailableException;
import eu.tutela.tenantadmin.keycloak.DirectoryUser;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Keycloak side of deleted tenants, from the {@code directory_cleanup} rows their deletion left: organizations
 * first, then accounts (an account is not looked at while its tenant's organization is still to go, even by another
 * run: the organization would still count as one it belongs to). An account goes only if Keycloak too lists it in no organization any more (someone made
 * a member elsewhere by hand keeps it). Each row is taken with a lock that other runs skip, and removed when done;
 * Keycloak away stops the round and leaves the rest for the next one.
 */
final class DirectoryCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryCleanup.class);

    private record Work(UUID id, String slug, String organizationId, String subject, String email) {
    }

    private final Database database;
    private final KeycloakDirectory directory;

    DirectoryCleanup(Database database, KeycloakDirectory directory) {
        this.database = database;
        this.directory = directory;
    }

    private enum Step { DONE, NOTHING_FREE, REFUSED }

    /**
     * Does what it can for at most {@code budget}: while another run holds a step (the portal's background task),
     * it waits for that run rather than stop; Keycloak away or refusing stops the round.
     *
     * @return the number of steps left (0 when all is done)
     */
    int run(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline) {
            Step step;
            try {
                step = database.transaction(this::one);
            } catch (DirectoryUnavailableException e) {
                LOG.info("Keycloak away; Keycloak clean-up of deleted tenants continues later: {}", e.getMessage());
                break;
            }
            if (step == Step.REFUSED || (step == Step.NOTHING_FREE && remaining() == 0)) {
                break;
            }
            if (step == Step.NOTHING_FREE && !pause()) {
                break;
            }
        }
        return remaining();
    }

    int remaining() {
        return database.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select count(*) from directory_cleanup");
                    ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Step one(Connection connection) throws SQLException {
        Optional<Work> next;
        try (PreparedStatement query = connection.prepareStatement("""
                select id, tenant_slug, organization_id, user_subject, user_email from directory_cleanup d
                 where d.organization_id is not null
                    or not exists (select 1 from directory_cleanup o
                                    where o.organization_id is not null and o.tenant_slug = d.tenant_slug)
                 order by (organization_id is null), created_at, id limit 1 for update skip locked""");
                ResultSet rs = query.executeQuery()) {
            next = rs.next() ? Optional.of(new Work(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5))) : Optional.empty();
        }
        if (next.isEmpty()) {
            return Step.NOTHING_FREE;
        }
        Work work = next.get();
        try {
            if (work.organizationId() != null) {
                directory.deleteOrganization(work.organizationId());
                LOG.info("Deleted tenant {}: Keycloak organization {} removed", work.slug(), work.organizationId());
            } else {
                removeAccount(work);
            }
        } catch (DirectoryUnavailableException e) {
            throw e;
        } catch (DirectoryException e) {
            try (PreparedStatement failed = connection.prepareStatement(
                    "update directory_cleanup set attempts = attempts + 1, last_error = left(?, 500) where id = ?")) {
                failed.setString(1, e.getMessage());
                failed.setObject(2, work.id());
                failed.executeUpdate();
            }
            LOG.warn("Deleted tenant {}: Keycloak refused a clean-up step, retried later: {}", work.slug(), e.getMessage());
            return Step.REFUSED;
        }
        try (PreparedStatement done = connection.prepareStatement("delete from directory_cleanup where id = ?")) {
            done.setObject(1, work.id());
            done.executeUpdate();
        }
        return Step.DONE;
    }

    private void removeAccount(Work work) {
        Optional<DirectoryUser> user = work.subject() != null ? directory.findUser(work.subject())
                : directory.findUserByEmail(work.email());
        if (user.isEmpty()) {
            return;
        }
        if (!directory.organizationsOf(user.get().id()).isEmpty()) {
            LOG.info("Deleted tenant {}: account {} kept, Keycloak lists it in another organization", work.slug(), user.get().id());
            return;
        }
        directory.deleteUser(user.get().id());
        LOG.info("Deleted tenant {}: account {} removed from Keycloak", work.slug(), user.get().id());
    }
}
