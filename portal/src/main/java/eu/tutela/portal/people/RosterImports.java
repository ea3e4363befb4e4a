package eu.tutela.portal.people;

import eu.tutela.portal.jobs.JobProgress;
import eu.tutela.portal.jobs.Jobs;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.spreadsheet.SpreadsheetCsv;
import eu.tutela.portal.tenancy.ActingPerson;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roster imports for administrators and the DPO: upload a file (the project's CSV, or OneRoster as a zip or as its
 * files), read its preview when the background reading is done, then confirm or cancel; follow the progress from
 * any page and any replica; read the history and download each import's left-out rows. One import at a time per
 * institution.
 */
@Service
public class RosterImports {

    /** The largest upload (all files together), and the most a zip may unpack to: beyond, a clear refusal. */
    public static final long MAX_BYTES = 200L * 1024 * 1024;
    private static final int MAX_ZIP_ENTRIES = 64;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** A file as received by the page, in a temporary file of its own. */
    public record Upload(String name, Path path) {
    }

    private final RosterImportRecords records;
    private final RosterFiles files;
    private final RosterStage stage;
    private final Jobs jobs;
    private final Caller caller;
    private final MessageSource messages;

    RosterImports(RosterImportRecords records, RosterFiles files, RosterStage stage, Jobs jobs, Caller caller, MessageSource messages) {
        this.records = records;
        this.files = files;
        this.stage = stage;
        this.jobs = jobs;
        this.caller = caller;
        this.messages = messages;
    }

    /**
     * Receives the files and starts their preview in the background. A previous import still waiting for confirmation
     * is cancelled (this one replaces it); one being read or applied refuses this one.
     *
     * @param encoding the encoding to read every file in, or null to detect each file's
     * @throws InvalidInputException on {@code file}: too large, a zip bomb, not a text file, another import under way
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public RosterImport start(List<Upload> uploads, RosterImport.Mode mode, TextEncoding encoding) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        if (uploads.isEmpty()) {
            throw InvalidInputException.of("file", "people.import.noFile");
        }
        long size = 0;
        for (Upload upload : uploads) {
            size += sizeOf(upload.path());
        }
        if (size > MAX_BYTES) {
            throw InvalidInputException.of("file", "people.import.tooLarge");
        }
        records.open().ifPresent(open -> {
            if (open.status() != RosterImport.Status.PREVIEWED
                    || !records.move(open.id(), RosterImport.Status.CANCELLED, RosterImport.Status.PREVIEWED)) {
                throw InvalidInputException.of("file", "people.import.busy");
            }
            stage.forget(open.id());
        });
        List<Upload> ordered = uploads.stream().sorted(Comparator.comparing(Upload::name)).toList();
        UUID id = UUID.randomUUID();
        String name = String.join(", ", ordered.stream().map(u -> baseName(u.name())).toList());
        try {
            records.insert(id, RosterImportRecords.clipped(name, 300), sha256(ordered), size, mode, encoding,
                    ActingPerson.current().orElse(null));
            Set<String> names = new HashSet<>();
            for (Upload upload : ordered) {
                store(id, upload, names);
            }
        } catch (DuplicateKeyException raced) {
            throw InvalidInputException.of("file", "people.import.busy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records.run(id, jobs.start(RosterJobs.PREVIEW, id.toString()));
        return records.find(id).orElseThrow();
    }

    /** Reads the files again, in the encoding chosen this time (null: detected), for a new preview. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public RosterImport reread(UUID importId, TextEncoding encoding) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        RosterImport found = known(importId);
        if (!Set.of(RosterImport.Status.PREVIEWED, RosterImport.Status.REFUSED, RosterImport.Status.FAILED).contains(found.status())) {
            throw InvalidInputException.of("import", "people.import.notNow");
        }
        records.open().filter(open -> !open.id().equals(importId)).ifPresent(open -> {
            throw InvalidInputException.of("import", "people.import.busy");
        });
        try {
            records.reread(importId, encoding);
        } catch (DuplicateKeyException raced) {
            throw InvalidInputException.of("import", "people.import.busy");
        }
        records.run(importId, jobs.start(RosterJobs.PREVIEW, importId.toString()));
        return records.find(importId).orElseThrow();
    }

    /** Confirms a previewed import: it is applied in the background, all or nothing. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public RosterImport confirm(UUID importId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        known(importId);
        if (!records.move(importId, RosterImport.Status.APPLYING, RosterImport.Status.PREVIEWED)) {
            throw InvalidInputException.of("import", "people.import.notNow");
        }
        records.applying(importId, ActingPerson.current().orElse(null));
        records.run(importId, jobs.start(RosterJobs.APPLY, importId.toString()));
        return records.find(importId).orElseThrow();
    }

    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public void cancel(UUID importId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        known(importId);
        if (!records.move(importId, RosterImport.Status.CANCELLED, RosterImport.Status.PREVIEWED, RosterImport.Status.REFUSED,
                RosterImport.Status.FAILED)) {
            throw InvalidInputException.of("import", "people.import.notNow");
        }
        stage.forget(importId);
    }

    /** An import of this institution; empty for an unknown id or another institution's. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Optional<RosterImport> find(UUID importId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return records.find(importId);
    }

    /** The newest import: what the page shows when the person comes back. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Optional<RosterImport> latest() {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return records.latest();
    }

    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<RosterImport> history(int limit) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return records.history(Math.clamp(limit, 1, 200));
    }

    /** The import that last created or changed this person, if one did. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Optional<RosterImport> lastImportOf(UUID personId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return records.lastOf(personId);
    }

    /** How far the background step of this import got; empty when none ran. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Optional<JobProgress> progress(UUID importId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return records.find(importId).map(RosterImport::runId).flatMap(jobs::progress);
    }

    /** The files of an import, with the encoding found in each. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<RosterFile> files(UUID importId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        known(importId);
        return files.files(importId).stream().map(f -> new RosterFile(f.name(), f.size(), f.encoding())).toList();
    }

    /** The encoding the person chose for this import's files; empty when each file's detected one is used. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Optional<TextEncoding> encodingChoice(UUID importId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        known(importId);
        return records.encodingChoice(importId);
    }

    /** The rows an import leaves out, in file and line order. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<RosterProblem> problems(UUID importId, int offset, int limit) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        known(importId);
        return records.problems(importId, Math.max(0, offset), Math.clamp(limit, 1, 1000));
    }

    /** The rows left out as a spreadsheet, in the reader's language, formulas neutralised. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public void problemsCsv(UUID importId, Locale locale, OutputStream out) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        known(importId);
        SpreadsheetCsv csv = SpreadsheetCsv.to(out, text("people.import.file", null, locale), text("people.import.line", null, locale),
                text("people.import.field", null, locale), text("people.import.problem", null, locale),
                text("people.import.value", null, locale));
        int page = 1000;
        for (int offset = 0; ; offset += page) {
            List<RosterProblem> problems = records.problems(importId, offset, page);
            for (RosterProblem p : problems) {
                csv.row(p.file(), p.line(), text(p.fieldKey(), null, locale), text(p.messageKey(), p.detail(), locale),
                        p.detail() == null ? "" : p.detail());
            }
            if (problems.size() < page) {
                break;
            }
        }
        csv.flush();
    }

    /** The project's CSV format as a template to fill in, in the reader's language. */
    public byte[] template(Locale locale) {
        return TutelaCsvFormat.template(locale);
    }

    private String text(String key, String detail, Locale locale) {
        return messages.getMessage(key, new Object[] {detail == null ? "" : detail}, key, locale);
    }

    private RosterImport known(UUID importId) {
        return records.find(importId).orElseThrow(() -> InvalidInputException.of("import", "people.import.unknown"));
    }

    private void store(UUID importId, Upload upload, Set<String> names) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(upload.path()))) {
            in.mark(ZIP_MAGIC.length);
            byte[] start = in.readNBytes(ZIP_MAGIC.length);
            in.reset();
            if (Arrays.equals(start, ZIP_MAGIC)) {
                // Kept as it came (compressed), under a name no file can have (a file's name has no slash); its files
                // checked, and recorded as entries of it, by unpacking it once now.
                String archive = "zip/" + baseName(upload.name());
                if (!names.add(archive.toLowerCase(Locale.ROOT))) {
                    throw InvalidInputException.of("file", "people.import.sameName");
                }
                files.storeArchive(importId, archive, in);
                try (InputStream again = new BufferedInputStream(Files.newInputStream(upload.path()))) {
                    unzip(importId, archive, again, names);
                }
            } else {
                storeText(importId, baseName(upload.name()), in, names);
            }
        }
    }

    /**
     * A zip's CSV files, one by one. What it unpacks to is counted as it unpacks, whatever its headers claim, and
     * stops at the upload limit: a zip bomb is refused, never expanded.
     */
    private void unzip(UUID importId, String archive, InputStream in, Set<String> names) throws IOException {
        long[] unpacked = {0};
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = baseName(entry.getName());
                if (entry.isDirectory() || entry.getName().contains("__MACOSX") || name.startsWith(".")
                        || !name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw InvalidInputException.of("file", "people.import.zipBomb");
                }
                InputStream unpacking = new InputStream() {
                    @Override
                    public int read() throws IOException {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = zip.read(b, off, len);
                        if (n > 0 && (unpacked[0] += n) > MAX_BYTES) {
                            throw InvalidInputException.of("file", "people.import.zipBomb");
                        }
                        return n;
                    }
                };
                String entryName = entry.getName();
                checked(name, names, detector -> files.storeEntry(importId, name, archive, entryName, unpacking, detector));
            }
        } catch (ZipException broken) {
            throw InvalidInputException.of("file", "people.import.zipBroken");
        }
        if (entries == 0) {
            throw InvalidInputException.of("file", "people.import.zipEmpty");
        }
    }

    private void storeText(UUID importId, String name, InputStream in, Set<String> names) throws IOException {
        checked(name, names, detector -> files.store(importId, name, in, detector));
    }

    /** Stores a file of the upload by {@code store}, which shows the detector its every byte; refused if a name comes twice or it is binary. */
    private static void checked(String name, Set<String> names, Storing store) throws IOException {
        if (!names.add(name.toLowerCase(Locale.ROOT))) {
            throw InvalidInputException.of("file", "people.import.sameName");
        }
        TextEncoding.Detector detector = new TextEncoding.Detector();
        store.with(detector);
        if (detector.binary()) {
            throw InvalidInputException.of("file", "people.import.binary");
        }
    }

    private static String baseName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.isEmpty() ? "roster.csv" : base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of the bytes received (of each file in name order, for several): what the history names. */
    private static String sha256(List<Upload> uploads) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Upload upload : uploads) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(upload.path()), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** How a file of an upload is stored, its bytes shown to the detector. */
    @FunctionalInterface
    private interface Storing {

        void with(TextEncoding.Detector detector) throws IOException;
    }
}
