package eu.tutela.portal.people;

import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The background work of an import, each step one transaction: the preview reads the files and compares them with
 * the registry; the import reads them again and merges them, all or nothing. Both are safe to run twice (a replica
 * that died mid-way leaves the step to another, which starts it again): a step does nothing unless the import is
 * still in the state it expects.
 */
@Component
class RosterRun {

    private static final Logger log = LoggerFactory.getLogger(RosterRun.class);

    /** How many problems an import keeps to show and download (a file that bad is refused in spirit anyway). */
    static final int KEPT_PROBLEMS = 100_000;

    private final RosterImportRecords records;
    private final RosterFiles files;
    private final RosterStage stage;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TenantSettingsService settings;
    private final ApplicationEventPublisher events;
    private final RosterMetrics metrics;
    private final RegistryStatistics statistics;
    private final RegistryChanges changes;

    RosterRun(RosterImportRecords records, RosterFiles files, RosterStage stage, JdbcClient jdbc, DataSource dataSource,
            TenantSettingsService settings, ApplicationEventPublisher events, RosterMetrics metrics, RegistryStatistics statistics,
            RegistryChanges changes) {
        this.records = records;
        this.files = files;
        this.stage = stage;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.settings = settings;
        this.events = events;
        this.metrics = metrics;
        this.statistics = statistics;
        this.changes = changes;
    }

    /** Reads the files and records what importing them would do; a file that cannot be read refuses the import. */
    @Transactional
    public void preview(UUID importId, Progress progress) throws IOException {
        Optional<RosterImport> found = records.find(importId).filter(i -> i.status() == RosterImport.Status.PREVIEWING);
        if (found.isEmpty()) {
            return;
        }
        try {
            Phases phases = new Phases();
            changes.previewBegins(importId);
            Staged staged = read(found.get(), progress, phases);
            staged.staging.keep(importId, stage);
            records.staged(importId, staged.staging.carried(), staged.staging.carriesLinks());
            phases.done("kept");
            RosterSummary summary = settle(importId, staged, phases);
            staged.staging.keepSettled(importId, stage, staged.full);
            phases.done("settled kept");
            records.summarise(importId, RosterImport.Status.PREVIEWED, summary);
            log.info("Roster import {} previewed: {}", importId, phases);
            metrics.finished("preview", summary, phases.total());
        } catch (RosterRefusal refusal) {
            records.refuse(importId, refusal.key, refusal.detail);
        }
        progress.finished();
    }

    /**
     * Merges the rows the preview read and checked into the registry in this one transaction, with its audit entry. When
     * nothing changed the registry since the preview began ({@link RegistryChanges}), what the preview settled against
     * it and counted is merged as it is; otherwise the preview's staged rows are checked again against the registry as
     * it is now, not read again from the files (an import previewed before they were kept, or whose kept rows a database
     * crash emptied, reads them again). The rows the preview set aside as the registry held them stay aside, as the preview showed: a person
     * changed by hand since keeps the change, and the next import compares that row again.
     */
    @Transactional
    public void apply(UUID importId, Progress progress) throws IOException {
        Optional<RosterImport> found = records.find(importId).filter(i -> i.status() == RosterImport.Status.APPLYING);
        if (found.isEmpty()) {
            return;
        }
        try {
            Phases phases = new Phases();
            Optional<RosterImportRecords.Staged> kept = stage.kept(importId) ? records.staged(importId) : Optional.empty();
            boolean full = found.get().mode() == RosterImport.Mode.FULL;
            RosterSummary previewed = found.get().summary();
            // Nothing changed the registry since the preview: what it settled and counted holds.
            boolean settled = kept.isPresent() && previewed != null && !changes.changedSincePreview(importId);
            Staged staged;
            if (kept.isPresent()) {
                progress.reading(0, 1);
                RosterStaging staging = new RosterStaging(jdbc, copyManager(), today());
                if (settled) {
                    staging.restoreSettled(importId, stage, kept.get().columns(), kept.get().links(), previewed);
                } else {
                    staging.restore(importId, stage, kept.get().columns(), kept.get().links());
                }
                staged = new Staged(staging, full);
                progress.reading(1, 1);
                phases.done(settled ? "restored as settled, the registry unchanged" : "restored");
            } else {
                staged = read(found.get(), progress, phases);
            }
            RosterSummary summary = settled ? previewed : settle(importId, staged, phases);
            staged.staging.merge(staged.full, importId, summary, phases::done);
            if (summary.newPeople() + summary.changedPeople() + summary.deactivatedPeople() + summary.newLinks() + summary.changedLinks()
                    + summary.removedLinks() >= RegistryStatistics.MANY) {
                statistics.analyseOnceCommitted();
            }
            stage.forget(importId);
            log.info("Roster import {} applied: {}", importId, phases);
            metrics.finished("apply", summary, phases.total());
            records.summarise(importId, RosterImport.Status.APPLIED, summary);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("file", found.get().fileName());
            after.put("sha256", found.get().sha256());
            after.put("summary", summary);
            events.publishEvent(AuditedChange.of("roster.imported", "roster-import", importId, found.get().fileName(), Map.of(), after));
        } catch (RosterRefusal refusal) {
            records.refuse(importId, refusal.key, refusal.detail);
        }
        progress.finished();
    }

    /** Checks the staged rows against the registry as it is now and counts what merging them would do. */
    private RosterSummary settle(UUID importId, Staged staged, Phases phases) {
        if (statistics.refresh()) {
            phases.done("registry analysed");
        }
        staged.staging.settleRegistry();
        phases.done("checked against the registry");
        RosterSummary summary = staged.staging.summary(staged.full, phases::done);
        staged.staging.keepProblems(importId, KEPT_PROBLEMS);
        phases.done("problems kept");
        return summary;
    }

    /** A step that failed for another reason than its file: the import says so and may be started again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(UUID importId, Exception cause) {
        records.fail(importId, cause.getMessage());
    }

    private record Staged(RosterStaging staging, boolean full) {
    }

    /** How long each step took, for the log (no personal data: step names and seconds). */
    private static final class Phases {

        private final StringBuilder text = new StringBuilder();
        private final long started = System.nanoTime();
        private long since = started;

        void done(String step) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ").append(step).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f s", (now - since) / 1e9));
            since = now;
        }

        Duration total() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private LocalDate today() {
        return LocalDate.now(settings.current().timeZone());
    }

    /** Reads, checks and stages the import's files (the checks that need nothing but the files). */
    private Staged read(RosterImport rosterImport, Progress progress, Phases phases) throws IOException {
        UUID importId = rosterImport.id();
        Optional<TextEncoding> choice = records.encodingChoice(importId);
        List<RosterFiles.StoredFile> stored = files.files(importId);
        long total = stored.stream().mapToLong(RosterFiles.StoredFile::size).sum();
        progress.reading(0, total);
        RosterStaging staging = new RosterStaging(jdbc, copyManager(), today());
        long[] read = {0};
        OneRosterFormat.Files opener = new OneRosterFormat.Files() {
            @Override
            public boolean has(String name) {
                return stored.stream().anyMatch(f -> f.name().equalsIgnoreCase(name));
            }

            @Override
            public Optional<RosterCsv> open(String name) throws IOException {
                Optional<RosterFiles.StoredFile> file = stored.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
                if (file.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(RosterCsv.open(file.get().name(), counted(files.open(importId, file.get(), staging::pause), read,
                        total, progress), choice.orElse(file.get().encoding())));
            }
        };
        boolean full;
        try {
            full = readInto(rosterImport, staging, stored, opener);
        } catch (IOException | RuntimeException e) {
            staging.abandon();
            throw e;
        }
        progress.reading(total, total);
        phases.done("read and staged");
        staging.settleFile();
        phases.done("checked");
        return new Staged(staging, full);
    }

    /** Reads the stored files in their format into the staging; whether they are a full list. */
    private boolean readInto(RosterImport rosterImport, RosterStaging staging, List<RosterFiles.StoredFile> stored,
            OneRosterFormat.Files opener) throws IOException {
        UUID importId = rosterImport.id();
        boolean full;
        if (stored.stream().anyMatch(f -> f.name().equalsIgnoreCase(OneRosterFormat.USERS)
                || f.name().equalsIgnoreCase(OneRosterFormat.MANIFEST))) {
            OneRosterFormat.Manifest manifest = OneRosterFormat.read(opener, staging);
            full = manifest.bulk();
            staging.pause();
            records.read(importId, RosterImport.Format.ONEROSTER, full ? RosterImport.Mode.FULL : RosterImport.Mode.CHANGES);
        } else if (stored.size() == 1) {
            try (RosterCsv csv = opener.open(stored.getFirst().name()).orElseThrow()) {
                TutelaCsvFormat.read(csv, staging);
            }
            full = rosterImport.mode() == RosterImport.Mode.FULL;
            staging.pause();
            records.read(importId, RosterImport.Format.TUTELA_CSV, rosterImport.mode());
        } else {
            throw new RosterRefusal("people.import.whichFormat", String.join(", ", stored.stream().map(RosterFiles.StoredFile::name).toList()));
        }
        return full;
    }

    private CopyManager copyManager() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException("The roster import needs PostgreSQL's COPY", e);
        }
    }

    private static InputStream counted(InputStream in, long[] read, long total, Progress progress) {
        return new FilterInputStream(in) {
            private long reported;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }

            private void advance(long n) {
                read[0] += n;
                if (read[0] - reported >= RosterFiles.CHUNK) {
                    reported = read[0];
                    progress.reading(read[0], total);
                }
            }
        };
    }

    /** How far a step got: bytes read of all, then done. */
    interface Progress {

        void reading(long done, long total);

        void finished();
    }
}
