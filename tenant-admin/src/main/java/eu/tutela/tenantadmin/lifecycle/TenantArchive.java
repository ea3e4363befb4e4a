package eu.tutela.tenantadmin.lifecycle;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes one tenant as a zip: one JSON-lines file per table that holds its rows (every table with a
 * {@code tenant_id}, found in the catalog, so a table added later is exported without a change here), its tenant
 * row, its members' accounts, a {@code manifest.json} (tables, row counts, SHA-256 of each file) and a
 * {@code SHA256SUMS} file that {@code sha256sum -c} checks. Rows are PostgreSQL's own JSON of each row, ordered by
 * primary key.
 */
final class TenantArchive {

    static final String FORMAT = "tutela-tenant-export/1";
    private static final int PROGRESS_EVERY = 500;
    /** Archives of earlier exports are not exported again (an export would grow with each one). */
    private static final Map<String, String> LEFT_OUT_COLUMNS = Map.of("tenant_export", "content");

    record Written(long rows, int tables) {
    }

    private record Table(String name, List<String> keyColumns) {
    }

    private record FileEntry(String name, String table, long rows, long bytes, String sha256) {
    }

    private TenantArchive() {
    }

    /** Writes the archive; the connection is in a snapshot transaction bound to the tenant. */
    static Written write(Connection connection, UUID tenantId, String slug, String actor, OutputStream target,
            ExportProgress progress) throws SQLException, IOException {
        List<Table> tables = tenantTables(connection);
        long total = 1 + count(connection, "select count(distinct user_id) from membership"); // tenant row, members
        for (Table table : tables) {
            total += count(connection, "select count(*) from " + quote(table.name()));
        }
        long[] done = {0};
        long totalRows = total;
        RowCounter counter = rows -> {
            done[0] += rows;
            if (done[0] % PROGRESS_EVERY == 0) {
                progress.rows(done[0], totalRows);
            }
        };
        List<FileEntry> files = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(new KeepOpen(target), StandardCharsets.UTF_8);
        files.add(writeFile(zip, "tenant.jsonl", "tenant", connection,
                "select to_jsonb(t)::text from tenant t where t.id = ?", tenantId, counter));
        files.add(writeFile(zip, "members.jsonl", "app_user", connection, """
                select (to_jsonb(u) - 'platform_operator')::text from app_user u
                 where exists (select 1 from membership m where m.user_id = u.id and m.tenant_id = ?) order by u.id""",
                tenantId, counter));
        for (Table table : tables) {
            String leftOut = LEFT_OUT_COLUMNS.get(table.name());
            String json = leftOut == null ? "to_jsonb(t)" : "(to_jsonb(t) - '" + leftOut + "')";
            files.add(writeFile(zip, "tables/" + table.name() + ".jsonl", table.name(), connection,
                    "select " + json + "::text from " + quote(table.name()) + " t where t.tenant_id = ? order by "
                            + String.join(", ", table.keyColumns().stream().map(TenantArchive::quote).toList()),
                    tenantId, counter));
        }
        long rows = files.stream().mapToLong(FileEntry::rows).sum();
        byte[] manifest = manifest(tenantId, slug, actor, files, rows);
        files.add(writeBytes(zip, "manifest.json", manifest));
        StringBuilder sums = new StringBuilder();
        files.forEach(f -> sums.append(f.sha256()).append("  ").append(f.name()).append('\n'));
        writeBytes(zip, "SHA256SUMS", sums.toString().getBytes(StandardCharsets.US_ASCII));
        zip.finish();
        progress.rows(rows, rows);
        return new Written(rows, tables.size());
    }

    /** Every table of the public schema with a tenant_id column, with its primary key columns, by name. */
    private static List<Table> tenantTables(Connection connection) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select c.relname,
                       array(select a.attname from unnest(i.indkey) with ordinality k(attnum, n)
                               join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum order by k.n)
                  from pg_class c join pg_namespace s on s.oid = c.relnamespace
                  join pg_index i on i.indrelid = c.oid and i.indisprimary
                 where s.nspname = 'public' and c.relkind = 'r'
                   and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                 order by c.relname""");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                tables.add(new Table(rs.getString(1), List.of((String[]) rs.getArray(2).getArray())));
            }
        }
        return tables;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private interface RowCounter {
        void add(long rows);
    }

    private static FileEntry writeFile(ZipOutputStream zip, String name, String table, Connection connection, String sql,
            UUID tenantId, RowCounter counter) throws SQLException, IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest digest = sha256();
        CountingOutput out = new CountingOutput(new DigestOutputStream(new KeepOpen(zip), digest));
        long rows = 0;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(1000);
            query.setObject(1, tenantId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    out.write(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                    rows++;
                    counter.add(1);
                }
            }
        }
        out.flush();
        zip.closeEntry();
        return new FileEntry(name, table, rows, out.count, HexFormat.of().formatHex(digest.digest()));
    }

    private static FileEntry writeBytes(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        return new FileEntry(name, null, 0, bytes.length, HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    private static byte[] manifest(UUID tenantId, String slug, String actor, List<FileEntry> files, long rows) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("tenant", Map.of("id", tenantId.toString(), "slug", slug));
        manifest.put("exportedAt", Instant.now().toString());
        manifest.put("exportedBy", actor);
        manifest.put("rows", rows);
        List<Map<String, Object>> list = new ArrayList<>();
        for (FileEntry f : files) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", f.name());
            entry.put("table", f.table());
            entry.put("rows", f.rows());
            entry.put("bytes", f.bytes());
            entry.put("sha256", f.sha256());
            list.add(entry);
        }
        manifest.put("files", list);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Table names come from the catalog; quoted all the same. */
    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Lets a nested stream be closed without closing the zip (or the caller's stream) under it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class CountingOutput extends FilterOutputStream {
        long count;

        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
