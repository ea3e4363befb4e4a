package eu.tutela.portal.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An import's files in the database, in chunks: written as they arrive, read back as a stream that fetches one chunk
 * at a time, so neither a 200 MB upload nor its reading ever holds the file in memory, and any replica reads it.
 */
@Repository
class RosterFiles {

    static final int CHUNK = 1 << 20;

    /**
     * A stored file: its name in the import, its size and the encoding found in it; for a file of a zip kept whole, the
     * archive's name and the file's entry in it (null otherwise).
     */
    record StoredFile(String name, long size, TextEncoding encoding, String archive, String entry) {
    }

    private final JdbcClient jdbc;

    RosterFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the stream's bytes under this name; the caller's detector sees every byte on the way. */
    StoredFile store(UUID importId, String name, InputStream in, TextEncoding.Detector detector) throws IOException {
        return store(importId, name, in, detector, false);
    }

    /** Stores an archive's bytes as they are, under a name no file of the import can have; see {@link #storeEntry}. */
    void storeArchive(UUID importId, String name, InputStream in) throws IOException {
        store(importId, name, in, new TextEncoding.Detector(), true);
    }

    private StoredFile store(UUID importId, String name, InputStream in, TextEncoding.Detector detector, boolean archive)
            throws IOException {
        byte[] buffer = new byte[CHUNK];
        long size = 0;
        int seq = 0;
        jdbc.sql("insert into roster_import_file (tenant_id, import_id, file_name, size_bytes, encoding, archive) "
                        + "values (current_tenant_id(), ?, ?, 0, 'UTF-8', ?)")
                .params(importId, name, archive).update();
        while (true) {
            int filled = in.readNBytes(buffer, 0, CHUNK);
            if (filled == 0) {
                break;
            }
            detector.update(buffer, 0, filled);
            byte[] chunk = filled == CHUNK ? buffer : Arrays.copyOf(buffer, filled);
            jdbc.sql("insert into roster_import_chunk (tenant_id, import_id, file_name, seq, bytes) values (current_tenant_id(), ?, ?, ?, ?)")
                    .params(importId, name, seq++, chunk).update();
            size += filled;
            if (filled < CHUNK) {
                break;
            }
        }
        TextEncoding encoding = detector.encoding();
        jdbc.sql("update roster_import_file set size_bytes = ?, encoding = ? where import_id = ? and file_name = ?")
                .params(size, encoding.name(), importId, name).update();
        return new StoredFile(name, size, encoding, null, null);
    }

    /**
     * Records a file of a stored archive (this entry of it) under this name, its bytes read from the stream for the
     * caller's detector to see and counted, not stored again.
     */
    StoredFile storeEntry(UUID importId, String name, String archive, String entry, InputStream in, TextEncoding.Detector detector)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            detector.update(buffer, 0, n);
            size += n;
        }
        TextEncoding encoding = detector.encoding();
        jdbc.sql("insert into roster_import_file (tenant_id, import_id, file_name, size_bytes, encoding, in_archive, entry) "
                        + "values (current_tenant_id(), ?, ?, ?, ?, ?, ?)")
                .params(importId, name, size, encoding.name(), archive, entry).update();
        return new StoredFile(name, size, encoding, archive, entry);
    }

    /** The import's files as read (an archive's files, not the archive). */
    List<StoredFile> files(UUID importId) {
        return jdbc.sql("select file_name, size_bytes, encoding, in_archive, entry from roster_import_file where import_id = ? and not archive "
                        + "order by file_name")
                .param(importId)
                .query((rs, row) -> new StoredFile(rs.getString(1), rs.getLong(2), TextEncoding.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /**
     * The file's bytes, fetched a chunk at a time in the caller's transaction, {@code beforeFetch} told each time the
     * next chunk is about to be queried. A file of an archive is unpacked from it as it is read.
     */
    InputStream open(UUID importId, StoredFile file, Runnable beforeFetch) {
        if (file.archive() == null) {
            return chunks(importId, file.name(), beforeFetch);
        }
        try {
            ZipInputStream zip = new ZipInputStream(chunks(importId, file.archive(), beforeFetch));
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(file.entry())) {
                    return zip;
                }
            }
            throw new IOException("The stored archive has no entry " + file.entry());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream chunks(UUID importId, String name, Runnable beforeFetch) {
        return new InputStream() {
            private int seq;
            private byte[] chunk = new byte[0];
            private int position;
            private boolean end;

            private boolean fill() {
                while (!end && position >= chunk.length) {
                    beforeFetch.run();
                    chunk = jdbc.sql("select bytes from roster_import_chunk where import_id = ? and file_name = ? and seq = ?")
                            .params(importId, name, seq++).query(byte[].class).optional().orElse(null);
                    position = 0;
                    if (chunk == null) {
                        end = true;
                        chunk = new byte[0];
                    }
                }
                return !end;
            }

            @Override
            public int read() {
                return fill() ? chunk[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, chunk.length - position);
                System.arraycopy(chunk, position, b, off, n);
                position += n;
                return n;
            }
        };
    }
}
