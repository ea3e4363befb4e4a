package eu.tutela.tenantadmin.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import javax.sql.DataSource;

import eu.tutela.tenantadmin.keycloak.DirectoryException;
import eu.tutela.tenantadmin.keycloak.DirectoryOrganization;
import eu.tutela.tenantadmin.keycloak.DirectoryUnavailableException;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's life, as the platform operator runs it from the console or the command line: create (resumable),
 * suspend, reactivate, export, delete. Works on the portal's database with the portal's own (row-level-security
 * bound) role, and on Keycloak through the directory; every action is written to the platform's audit stream in
 * the transaction that makes it, naming {@code actor}.
 *
 * <p>Callers check that the person asking is a platform operator (the portal's service does; the command line is
 * the operator's by having the credentials).
 */
public final class TenantLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TenantLifecycle.class);
    /** How long a deletion waits for its Keycloak side before leaving the rest to {@link #cleanUpDirectory()}. */
    private static final Duration DELETE_DIRECTORY_BUDGET = Duration.ofSeconds(10);
    private static final String TENANT_COLUMNS = "id, slug, name, status, organization_id, first_admin_email";

    private record Row(UUID id, String slug, String name, String status, String organizationId, String firstAdminEmail) {
    }

    private final Database database;
    private final KeycloakDirectory directory;
    private final ProvisioningStep.Observer observer;
    private final DirectoryCleanup cleanup;

    public TenantLifecycle(DataSource dataSource, KeycloakDirectory directory) {
        this(dataSource, directory, ProvisioningStep.Observer.NONE);
    }

    /** With an observer told after each provisioning step (progress on a command line; fault tests stop servers there). */
    public TenantLifecycle(DataSource dataSource, KeycloakDirectory directory, ProvisioningStep.Observer observer) {
        this.database = new Database(Objects.requireNonNull(dataSource, "dataSource"));
        this.directory = Objects.requireNonNull(directory, "directory");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.cleanup = new DirectoryCleanup(database, directory);
    }

    // ---------------------------------------------------------------- create

    /**
     * Creates the tenant, or finishes the creation an earlier run left unfinished (status PROVISIONING): claims the
     * slug, makes the Keycloak organization, activates. Each step is recorded before the next, so a retry after any
     * failure yields one complete tenant. An unfinished tenant is finished with the values it was claimed with.
     *
     * @throws LifecycleException INVALID, DUPLICATE (an active or suspended tenant has the slug), BUSY (another run is
     *                            provisioning it now), KEYCLOAK_UNAVAILABLE / DATABASE_UNAVAILABLE (run again later),
     *                            KEYCLOAK_REFUSED
     */
    public Provisioned create(TenantSpec spec, String actor) {
        Objects.requireNonNull(spec, "spec");
        try (ProvisioningLock lock = ProvisioningLock.take(database, spec.slug())) {
            Claim claim = claim(spec);
            return finish(claim.row(), claim.resumed(), actor);
        }
    }

    /**
     * Finishes the creation of a tenant that an interrupted run left in PROVISIONING, with the values it was claimed
     * with (the console's "resume"; the command line runs the same create again).
     *
     * @throws LifecycleException NOT_FOUND, WRONG_STATE (it is not being provisioned), BUSY, KEYCLOAK_UNAVAILABLE…
     */
    public Provisioned resume(String slug, String actor) {
        try (ProvisioningLock lock = ProvisioningLock.take(database, slug)) {
            Row row = database.transaction(connection -> require(connection, slug));
            if (!"PROVISIONING".equals(row.status())) {
                throw new LifecycleException(LifecycleException.Reason.WRONG_STATE, "Tenant '" + slug + "' is " + row.status()
                        + ": there is no unfinished creation to resume.", null);
            }
            return finish(row, true, actor);
        }
    }

    private Provisioned finish(Row row, boolean resumed, String actor) {
        observer.done(ProvisioningStep.CLAIMED);
        String organizationId = organization(row);
        observer.done(ProvisioningStep.ORGANIZATION);
        activate(row, organizationId, actor);
        observer.done(ProvisioningStep.ACTIVATED);
        LOG.info("Tenant {} {} (organization {})", row.slug(), resumed ? "provisioning finished" : "provisioned", organizationId);
        return new Provisioned(row.id(), row.slug(), organizationId, row.firstAdminEmail(), resumed);
    }

    private record Claim(Row row, boolean resumed) {
    }

    private Claim claim(TenantSpec spec) {
        return database.transaction(connection -> {
            Optional<Row> existing = find(connection, spec.slug());
            if (existing.isPresent()) {
                if (!existing.get().status().equals("PROVISIONING")) {
                    throw new LifecycleException(LifecycleException.Reason.DUPLICATE,
                            "A tenant with the slug '" + spec.slug() + "' exists already. Nothing was changed.", null);
                }
                return new Claim(existing.get(), true);
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into tenant (id, slug, name, country, default_locale, languages, time_zone, dpo_email,
                                        first_admin_email, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROVISIONING')""")) {
                insert.setObject(1, id);
                insert.setString(2, spec.slug());
                insert.setString(3, spec.displayName());
                insert.setString(4, spec.countryCode());
                insert.setString(5, spec.defaultLanguage());
                Array languages = connection.createArrayOf("text", spec.languages().toArray());
                insert.setArray(6, languages);
                insert.setString(7, spec.timeZone());
                insert.setString(8, spec.dpoEmail());
                insert.setString(9, spec.firstAdminEmail());
                insert.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) { // claimed at this very moment by another run
                    throw new LifecycleException(LifecycleException.Reason.BUSY, "Tenant '" + spec.slug()
                            + "' was claimed by another run at the same moment. Nothing was changed.", e);
                }
                throw e;
            }
            return new Claim(new Row(id, spec.slug(), spec.displayName(), "PROVISIONING", null, spec.firstAdminEmail()), false);
        });
    }

    private String organization(Row row) {
        String organizationId;
        try {
            Optional<DirectoryOrganization> existing = directory.findOrganization(row.slug());
            if (existing.isPresent() && !existing.get().enabled()) {
                throw new LifecycleException(LifecycleException.Reason.KEYCLOAK_REFUSED, "The Keycloak organization '"
                        + row.slug() + "' exists and was disabled on purpose; enable it in Keycloak, then run create again "
                        + "to finish the tenant.", null);
            }
            organizationId = directory.ensureOrganization(row.slug(), row.name());
        } catch (DirectoryUnavailableException e) {
            throw new LifecycleException(LifecycleException.Reason.KEYCLOAK_UNAVAILABLE, "Keycloak cannot be reached ("
                    + e.getMessage() + "). Tenant '" + row.slug() + "' is claimed but unfinished; run create again once "
                    + "Keycloak answers to finish it.", e);
        } catch (DirectoryException e) {
            throw new LifecycleException(LifecycleException.Reason.KEYCLOAK_REFUSED, "Keycloak refused to make the "
                    + "organization of '" + row.slug() + "': " + e.getMessage(), e);
        }
        if (!organizationId.equals(row.organizationId())) {
            database.transaction(connection -> {
                Database.bindTenant(connection, row.id());
                try (PreparedStatement update = connection.prepareStatement("update tenant set organization_id = ? where id = ?")) {
                    update.setString(1, organizationId);
                    update.setObject(2, row.id());
                    update.executeUpdate();
                }
                return null;
            });
        }
        return organizationId;
    }

    private void activate(Row row, String organizationId, String actor) {
        database.transaction(connection -> {
            Database.bindTenant(connection, row.id());
            String status = lockStatus(connection, row.id());
            if ("PROVISIONING".equals(status)) {
                setStatus(connection, row.id(), "ACTIVE");
                // No address of a person: the platform's stream outlives the tenant and its people.
                PlatformAudit.append(connection, actor, "tenant.created", row.id(), row.slug(), "Created '" + row.name()
                        + "' (organization " + organizationId + ")");
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- suspend, reactivate

    /**
     * Suspends an active tenant: nobody enters, its data stays, its scheduled work waits.
     *
     * @return false if it was suspended already (nothing changed)
     */
    public boolean suspend(String slug, String actor) {
        return changeStatus(slug, actor, "ACTIVE", "SUSPENDED", "tenant.suspended", "Suspended");
    }

    /** Reactivates a suspended tenant; false if it was active already. */
    public boolean reactivate(String slug, String actor) {
        return changeStatus(slug, actor, "SUSPENDED", "ACTIVE", "tenant.reactivated", "Reactivated");
    }

    private boolean changeStatus(String slug, String actor, String from, String to, String action, String summary) {
        return database.transaction(connection -> {
            Row row = require(connection, slug);
            Database.bindTenant(connection, row.id());
            String status = lockStatus(connection, row.id());
            if (to.equals(status)) {
                return false;
            }
            if (!from.equals(status)) {
                throw new LifecycleException(LifecycleException.Reason.WRONG_STATE, "Tenant '" + slug + "' is " + status
                        + "; only a tenant that is " + from + " can be " + to.toLowerCase(java.util.Locale.ROOT) + ".", null);
            }
            setStatus(connection, row.id(), to);
            PlatformAudit.append(connection, actor, action, row.id(), slug, summary + " '" + row.name() + "'");
            return true;
        });
    }

    // ---------------------------------------------------------------- export

    /**
     * Writes the whole tenant as a zip to {@code file} (see the archive's manifest) from one consistent snapshot,
     * and records the export (what {@link #delete} requires). With {@code keepInDatabase} the archive is also stored
     * with the record, for a download from any replica of the portal; it goes when the tenant goes.
     */
    public ExportResult export(String slug, String actor, Path file, boolean keepInDatabase, ExportProgress progress) {
        return export(slug, actor, UUID.randomUUID(), file, keepInDatabase, progress);
    }

    /**
     * {@link #export(String, String, Path, boolean, ExportProgress)} recorded under this id: an export started again
     * under the same id (the background run whose replica stopped mid-way, taken over by another) takes over its
     * record, instead of leaving it running for ever beside a new one.
     */
    public ExportResult export(String slug, String actor, UUID exportId, Path file, boolean keepInDatabase, ExportProgress progress) {
        Row row = database.transaction(connection -> require(connection, slug));
        if ("PROVISIONING".equals(row.status())) {
            throw new LifecycleException(LifecycleException.Reason.WRONG_STATE, "Tenant '" + slug
                    + "' is still being provisioned: finish it (run create again) before exporting it.", null);
        }
        database.transaction(connection -> {
            Database.bindTenant(connection, row.id());
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into tenant_export (tenant_id, id, requested_by) values (?, ?, ?)
                    on conflict (tenant_id, id) do update set status = 'RUNNING', created_at = now(), finished_at = null""")) {
                insert.setObject(1, row.id());
                insert.setObject(2, exportId);
                insert.setString(3, actor);
                insert.executeUpdate();
            }
            return null;
        });
        try {
            return writeAndRecord(row, exportId, actor, file, keepInDatabase, progress);
        } catch (RuntimeException e) {
            markFailed(row, exportId, e);
            throw e;
        }
    }

    private ExportResult writeAndRecord(Row row, UUID exportId, String actor, Path file, boolean keepInDatabase,
            ExportProgress progress) {
        MessageDigest digest = TenantArchive.sha256();
        TenantArchive.Written written;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            written = database.snapshot(connection -> {
                Database.bindTenant(connection, row.id());
                try {
                    return TenantArchive.write(connection, row.id(), row.slug(), actor, out, progress);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the export of '" + row.slug() + "' to " + file, e);
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        long size = sizeOf(file);
        String fileName = row.slug() + "-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".zip";
        database.transaction(connection -> {
            Database.bindTenant(connection, row.id());
            try (PreparedStatement update = connection.prepareStatement("""
                    update tenant_export set status = 'DONE', finished_at = now(), file_name = ?, sha256 = ?, size_bytes = ?,
                           row_count = ?, content = ? where id = ?""");
                    InputStream content = keepInDatabase ? Files.newInputStream(file) : null) {
                update.setString(1, fileName);
                update.setString(2, sha256);
                update.setLong(3, size);
                update.setLong(4, written.rows());
                if (content == null) {
                    update.setNull(5, java.sql.Types.BINARY);
                } else {
                    update.setBinaryStream(5, content, size);
                }
                update.setObject(6, exportId);
                update.executeUpdate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PlatformAudit.append(connection, actor, "tenant.exported", row.id(), row.slug(), "Exported " + written.rows()
                    + " rows of " + written.tables() + " tables, " + size + " bytes, SHA-256 " + sha256);
            return null;
        });
        return new ExportResult(exportId, row.slug(), fileName, sha256, size, written.rows(), written.tables());
    }

    private void markFailed(Row row, UUID exportId, RuntimeException failure) {
        try {
            database.transaction(connection -> {
                Database.bindTenant(connection, row.id());
                try (PreparedStatement update = connection.prepareStatement(
                        "update tenant_export set status = 'FAILED', finished_at = now() where id = ? and status = 'RUNNING'")) {
                    update.setObject(1, exportId);
                    update.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The tenant's exports, newest first. */
    public List<ExportRecord> exports(String slug) {
        return database.transaction(connection -> {
            Row row = require(connection, slug);
            Database.bindTenant(connection, row.id());
            List<ExportRecord> exports = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select id, status, requested_by, created_at, finished_at, file_name, sha256, size_bytes, row_count,
                           content is not null from tenant_export order by created_at desc""");
                    ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp(5);
                    exports.add(new ExportRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), finished == null ? null : finished.toInstant(), rs.getString(6),
                            rs.getString(7), rs.getObject(8, Long.class), rs.getObject(9, Long.class), rs.getBoolean(10)));
                }
            }
            return exports;
        });
    }

    /** The stored archive of a finished export of this tenant (see {@code keepInDatabase}), streamed to {@code out}. */
    public boolean copyArchive(String slug, UUID exportId, OutputStream out) {
        return database.transaction(connection -> {
            Row row = require(connection, slug);
            Database.bindTenant(connection, row.id());
            try (PreparedStatement query = connection.prepareStatement(
                    "select content from tenant_export where id = ? and status = 'DONE' and content is not null")) {
                query.setObject(1, exportId);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    try (InputStream content = rs.getBinaryStream(1)) {
                        content.transferTo(out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return true;
                }
            }
        });
    }

    // ---------------------------------------------------------------- delete

    /**
     * Deletes the tenant: every row of it in one transaction (or none), then its Keycloak organization and the
     * accounts of people who belong to no other tenant. The Keycloak side is recorded in that same transaction and
     * done right after; whatever Keycloak could not do now is retried by {@link #cleanUpDirectory()} until done. A
     * tenant whose provisioning never finished needs no export first; any other needs one finished in the last 24 hours.
     *
     * @throws LifecycleException NOT_FOUND, NO_RECENT_EXPORT, BUSY (being deleted by another run at this moment)
     */
    public Deleted delete(String slug, String actor) {
        List<String[]> accounts = database.transaction(connection -> {
            Row row = require(connection, slug);
            if ("PROVISIONING".equals(row.status())) {
                recordUnfinishedExport(connection, row, actor);
            }
            List<String[]> removed = new ArrayList<>();
            try (PreparedStatement delete = connection.prepareStatement("select user_subject, user_email from delete_tenant(?)")) {
                delete.setObject(1, row.id());
                try (ResultSet rs = delete.executeQuery()) {
                    while (rs.next()) {
                        removed.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            } catch (SQLException e) {
                throw deletionRefused(slug, e);
            }
            if (row.organizationId() != null) {
                insertCleanup(connection, slug, row.organizationId(), null, null);
            } else {
                unrecordedOrganization(slug).ifPresent(id -> insertCleanupUnchecked(connection, slug, id));
            }
            for (String[] account : removed) {
                insertCleanup(connection, slug, null, account[0], account[1]);
            }
            PlatformAudit.append(connection, actor, "tenant.deleted", row.id(), slug, "Deleted '" + row.name() + "' and "
                    + removed.size() + " accounts that belonged to no other tenant");
            return removed;
        });
        // The organization first, then as many accounts as a few seconds allow: the rest is retried in the background.
        int remaining = cleanup.run(DELETE_DIRECTORY_BUDGET);
        LOG.info("Tenant {} deleted ({} accounts); Keycloak steps left: {}", slug, accounts.size(), remaining);
        return new Deleted(slug, accounts.size(), remaining);
    }

    /** A tenant never finished holds nothing but its claim: its deletion is recorded as if exported (empty). */
    private static void recordUnfinishedExport(Connection connection, Row row, String actor) throws SQLException {
        Database.bindTenant(connection, row.id());
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into tenant_export (tenant_id, id, requested_by, status, finished_at, row_count)
                values (?, ?, ?, 'DONE', now(), 0)""")) {
            insert.setObject(1, row.id());
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, actor + " (unfinished provisioning: nothing to export)");
            insert.executeUpdate();
        }
    }

    private static LifecycleException deletionRefused(String slug, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "TU412" -> new LifecycleException(LifecycleException.Reason.NO_RECENT_EXPORT, "Tenant '" + slug
                    + "' has no export finished in the last 24 hours: export it first. Nothing was deleted.", e);
            case "TU404" -> new LifecycleException(LifecycleException.Reason.NOT_FOUND, "No tenant '" + slug
                    + "' (deleted meanwhile?). Nothing was deleted.", e);
            case "55P03" -> new LifecycleException(LifecycleException.Reason.BUSY, "Tenant '" + slug
                    + "' is being changed or deleted by another run right now. Nothing was deleted by this one.", e);
            default -> new LifecycleException(Database.isUnavailable(e) ? LifecycleException.Reason.DATABASE_UNAVAILABLE
                    : LifecycleException.Reason.WRONG_STATE, "Tenant '" + slug + "' could not be deleted: " + e.getMessage()
                    + ". Nothing was deleted.", e);
        };
    }

    /** An organization made by a provisioning run that died before recording it, if Keycloak can tell now. */
    private Optional<String> unrecordedOrganization(String slug) {
        try {
            return directory.findOrganization(slug).map(DirectoryOrganization::id);
        } catch (DirectoryException e) {
            LOG.warn("Tenant {}: Keycloak could not say whether an organization was made for it; if one was, delete it by hand: {}",
                    slug, e.getMessage());
            return Optional.empty();
        }
    }

    private void insertCleanupUnchecked(Connection connection, String slug, String organizationId) {
        try {
            insertCleanup(connection, slug, organizationId, null, null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insertCleanup(Connection connection, String slug, String organizationId, String subject, String email)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into directory_cleanup (id, tenant_slug, organization_id, user_subject, user_email)
                values (?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, slug);
            insert.setString(3, organizationId);
            insert.setString(4, subject);
            insert.setString(5, email);
            insert.executeUpdate();
        }
    }

    /** Does the Keycloak steps deleted tenants left, as far as Keycloak answers; the number left. */
    public int cleanUpDirectory() {
        return cleanup.run(Duration.ofDays(1));
    }

    // ---------------------------------------------------------------- reading

    /** Every tenant, by slug, with its member count and last activity. */
    public List<TenantSummary> list() {
        return database.transaction(connection -> {
            List<TenantSummary> tenants = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("select * from tenant_overview()");
                    ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Timestamp last = rs.getTimestamp("last_activity");
                    tenants.add(new TenantSummary(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
                            rs.getString("country"), rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("status_changed_at").toInstant(), rs.getString("organization_id"),
                            rs.getLong("members"), last == null ? null : last.toInstant()));
                }
            }
            return tenants;
        });
    }

    /** The id of the tenant with this slug, whatever its status (one row read, not the overview). */
    public Optional<UUID> tenantId(String slug) {
        return database.transaction(connection -> find(connection, slug).map(Row::id));
    }

    public Optional<TenantSummary> find(String slug) {
        return list().stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    /** The platform audit stream, newest first; only the entries naming {@code slug} when given. */
    public List<PlatformAuditEntry> auditTrail(String slug, int limit) {
        return database.transaction(connection -> PlatformAudit.recent(connection, slug, limit));
    }

    /** The first platform audit entry that does not verify, if any. */
    public OptionalLong firstBrokenAuditEntry() {
        return database.snapshot(PlatformAudit::firstBroken);
    }

    private static Optional<Row> find(Connection connection, String slug) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select " + TENANT_COLUMNS + " from tenant where slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))) : Optional.empty();
            }
        }
    }

    private static Row require(Connection connection, String slug) throws SQLException {
        return find(connection, slug).orElseThrow(() -> new LifecycleException(LifecycleException.Reason.NOT_FOUND,
                "No tenant has the slug '" + slug + "'.", null));
    }

    private static String lockStatus(Connection connection, UUID tenantId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select status from tenant where id = ? for update")) {
            query.setObject(1, tenantId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new LifecycleException(LifecycleException.Reason.NOT_FOUND, "The tenant was deleted meanwhile.", null);
                }
                return rs.getString(1);
            }
        }
    }

    private static void setStatus(Connection connection, UUID tenantId, String status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("select set_tenant_status(?, ?)")) {
            update.setObject(1, tenantId);
            update.setString(2, status);
            update.execute();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
