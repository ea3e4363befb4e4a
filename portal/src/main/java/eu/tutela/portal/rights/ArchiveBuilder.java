package eu.tutela.portal.rights;

import eu.tutela.portal.jobs.JobContext;
import eu.tutela.portal.people.People;
import eu.tutela.portal.privacy.DataSubject;
import eu.tutela.portal.privacy.ProviderFailedException;
import eu.tutela.portal.privacy.ExportSink;
import eu.tutela.portal.privacy.PersonalData;
import eu.tutela.portal.privacy.PersonalDataProvider;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the archive of an access or portability request (GDPR Art. 15 and 20): every module's records on the subject,
 * read in one repeatable-read transaction (one consistent picture), streamed into a zip as they are read: one JSON file
 * per module ({@code data/<module>.json}), every field of every record in {@code records.csv}, and a readable
 * {@code summary.html} saying, category by category, what it is, why, on which basis, for how long, from where and to
 * whom. A provider that fails fails the archive, its module named; nothing partial is ever offered.
 */
@Component
class ArchiveBuilder {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What one row of {@code rights_archive_chunk} holds at most (V28). */
    static final int CHUNK = 1024 * 1024;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshot;
    private final PersonalData personalData;
    private final People people;
    private final RightsRequestRepository repository;
    private final ArchiveSummary summary;
    private final RequestMails mails;
    private final Duration validity;

    ArchiveBuilder(JdbcClient jdbc, PlatformTransactionManager transactionManager, PersonalData personalData, People people,
            RightsRequestRepository repository, ArchiveSummary summary, RequestMails mails,
            @Value("${tutela.rights.archive-validity:7d}") Duration validity) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.personalData = personalData;
        this.people = people;
        this.repository = repository;
        this.summary = summary;
        this.mails = mails;
        this.validity = validity;
    }

    String build(UUID archiveId, JobContext context) throws IOException {
        UUID requestId = transactions.execute(s -> jdbc.sql("select request_id from rights_archive where id = ?").param(archiveId)
                .query(UUID.class).single());
        RightsRequestRepository.Stored request = transactions.execute(s -> repository.find(requestId)).orElseThrow();
        DataSubject subject = SubjectRecord.of(people, request.subjectId()).orElseThrow(() -> new IllegalStateException("The subject is gone"));
        Path zip = Files.createTempFile("tutela-archive-", ".zip");
        Path csv = Files.createTempFile("tutela-archive-", ".csv");
        try {
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16));
                    Writer csvOut = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                    CSVPrinter records = CSVFormat.RFC4180.builder().setHeader("module", "category", "record", "field", "value").get()
                            .print(csvOut)) {
                ModuleEntries entries = new ModuleEntries(out, records, counts, context, personalData.providers().size());
                snapshot.executeWithoutResult(s -> personalData.export(subject, entries::open));
                entries.close();
                records.flush();
                out.putNextEntry(new ZipEntry("records.csv"));
                Files.copy(csv, out);
                out.closeEntry();
                out.putNextEntry(new ZipEntry("summary.html"));
                out.write(summary.html(request, subject, counts).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            long total = counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
            store(archiveId, request, zip, total);
            return "records=" + total + " bytes=" + Files.size(zip);
        } catch (IOException | RuntimeException failed) {
            // Whatever failed (a provider, named; the disk; the database), the archive says so and none is offered.
            String why = failed instanceof ProviderFailedException export ? export.getMessage() : failed.getClass().getSimpleName() + ": "
                    + failed.getMessage();
            transactions.executeWithoutResult(s -> jdbc.sql("update rights_archive set status = 'FAILED', failure = left(?, 1000) where id = ?")
                    .params(why, archiveId).update());
            throw failed;
        } finally {
            Files.deleteIfExists(zip);
            Files.deleteIfExists(csv);
        }
    }

    /** The zip, read a chunk at a time into the database, hashed as it goes; then the archive is ready, in one transaction. */
    private void store(UUID archiveId, RightsRequestRepository.Stored request, Path zip, long total) throws IOException {
        MessageDigest sha256 = sha256();
        long size = Files.size(zip);
        Instant expires = Instant.now().plus(validity);
        String fileName = "tutela-" + request.reference() + ".zip";
        transactions.executeWithoutResult(s -> {
            try (InputStream in = Files.newInputStream(zip)) {
                byte[] chunk;
                for (int n = 0; (chunk = in.readNBytes(CHUNK)).length > 0; n++) {
                    sha256.update(chunk);
                    repository.insertArchiveChunk(archiveId, n, chunk);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jdbc.sql("""
                            update rights_archive set status = 'READY', ready_at = now(), expires_at = ?, file_name = ?, size_bytes = ?,
                                   sha256 = ?, records = ? where id = ?""")
                    .params(java.sql.Timestamp.from(expires), fileName, size, HexFormat.of().formatHex(sha256.digest()), total, archiveId)
                    .update();
            repository.event(request.id(), RequestEvent.Kind.ARCHIVE_READY, null, fileName, null);
            mails.tell(request, "archive", null);
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** One zip entry per module, opened when its provider starts and closed when the next one does. */
    private static final class ModuleEntries {

        private final ZipOutputStream out;
        private final CSVPrinter records;
        private final Map<String, Map<String, Long>> counts;
        private final JobContext context;
        private final int providers;
        private JsonGenerator json;
        private long record;
        private int started;

        ModuleEntries(ZipOutputStream out, CSVPrinter records, Map<String, Map<String, Long>> counts, JobContext context, int providers) {
            this.out = out;
            this.records = records;
            this.counts = counts;
            this.context = context;
            this.providers = providers;
        }

        ExportSink open(PersonalDataProvider provider) {
            close();
            context.progress((long) started++, (long) providers);
            String module = provider.module();
            counts.put(module, new LinkedHashMap<>());
            provider.categories().forEach(c -> counts.get(module).put(c.key(), 0L));
            try {
                out.putNextEntry(new ZipEntry("data/" + module + ".json"));
                json = JSON.createGenerator(new FilterOutputStream(out) {
                    // FilterOutputStream would pass an array on byte by byte.
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
                json.writeStartObject();
                json.writeStringProperty("module", module);
                json.writeArrayPropertyStart("records");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return (category, fields) -> write(module, category, fields);
        }

        private void write(String module, String category, Map<String, Object> fields) {
            record++;
            counts.get(module).merge(category, 1L, Long::sum);
            json.writeStartObject();
            json.writeStringProperty("category", category);
            json.writeObjectPropertyStart("fields");
            try {
                for (Map.Entry<String, Object> field : fields.entrySet()) {
                    Object value = field.getValue();
                    json.writeName(field.getKey());
                    if (value == null) {
                        json.writeNull();
                    } else if (value instanceof Boolean b) {
                        json.writeBoolean(b);
                    } else if (value instanceof Number n) {
                        json.writeNumber(n.toString());
                    } else {
                        json.writeString(text(value));
                    }
                    records.printRecord(module, category, record, field.getKey(), value == null ? "" : text(value));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.writeEndObject();
            json.writeEndObject();
        }

        void close() {
            if (json == null) {
                return;
            }
            json.writeEndArray();
            json.writeEndObject();
            json.close();
            json = null;
            try {
                out.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String text(Object value) {
            if (value instanceof java.sql.Date d) {
                return d.toLocalDate().toString();
            }
            if (value instanceof java.time.OffsetDateTime t) {
                return t.toInstant().toString();
            }
            return value instanceof TemporalAccessor || value instanceof UUID ? value.toString() : String.valueOf(value);
        }
    }
}
