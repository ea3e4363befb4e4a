package eu.tutela.tenantadmin.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The platform's audit stream: every operator action on a tenant, from the console or the command line, appended in
 * the transaction of the action itself and chained by SHA-256 (each entry's hash covers the previous one), so that an
 * entry changed or removed afterwards shows. Entries outlive the tenant they name.
 */
final class PlatformAudit {

    static final String GENESIS = "0".repeat(64);
    /** Serialises appends across replicas and the command line: the chain has one order. */
    private static final long APPEND_LOCK = 0x7475_7465_6c61_0001L;

    private PlatformAudit() {
    }

    static void append(Connection connection, String actor, String action, UUID tenantId, String slug, String summary)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
        }
        long seq = 1;
        String previous = GENESIS;
        try (PreparedStatement last = connection.prepareStatement(
                "select seq, hash from platform_audit_entry order by seq desc limit 1");
                ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                previous = rs.getString(2);
            }
        }
        // Microseconds: what PostgreSQL stores, so that the hash computed now is the one verified later.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PlatformAuditEntry entry = new PlatformAuditEntry(seq, at, actor, action, tenantId, slug, summary, previous, null);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into platform_audit_entry (seq, occurred_at, actor_label, action, target_tenant_id, target_slug,
                                                  summary, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, seq);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, actor);
            insert.setString(4, action);
            insert.setObject(5, tenantId);
            insert.setString(6, slug);
            insert.setString(7, summary);
            insert.setString(8, previous);
            insert.setString(9, hash(entry));
            insert.executeUpdate();
        }
    }

    /** The newest entries first; only those naming {@code slug} when it is given. */
    static List<PlatformAuditEntry> recent(Connection connection, String slug, int limit) throws SQLException {
        String sql = "select seq, occurred_at, actor_label, action, target_tenant_id, target_slug, summary, previous_hash, hash "
                + "from platform_audit_entry " + (slug == null ? "" : "where target_slug = ? ") + "order by seq desc limit ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            if (slug != null) {
                query.setString(i++, slug);
            }
            query.setInt(i, limit);
            List<PlatformAuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    entries.add(read(rs));
                }
            }
            return entries;
        }
    }

    /** The first entry whose link or hash does not hold, if any. */
    static OptionalLong firstBroken(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select seq, occurred_at, actor_label, action, target_tenant_id, target_slug, summary, previous_hash, hash "
                        + "from platform_audit_entry order by seq")) {
            query.setFetchSize(1000);
            String previous = GENESIS;
            long expected = 1;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    PlatformAuditEntry entry = read(rs);
                    if (entry.seq() != expected || !entry.previousHash().equals(previous) || !entry.hash().equals(hash(entry))) {
                        return OptionalLong.of(entry.seq());
                    }
                    previous = entry.hash();
                    expected++;
                }
            }
            return OptionalLong.empty();
        }
    }

    private static PlatformAuditEntry read(ResultSet rs) throws SQLException {
        return new PlatformAuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    /** SHA-256 over the previous hash and every field, each prefixed by its length so that no two entries read alike. */
    static String hash(PlatformAuditEntry e) {
        StringBuilder text = new StringBuilder();
        for (Object field : new Object[] {e.previousHash(), e.seq(), e.occurredAt(), e.actor(), e.action(), e.tenantId(),
                e.slug(), e.summary()}) {
            String value = field == null ? "" : field.toString();
            text.append(value.length()).append(':').append(value).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }
}
