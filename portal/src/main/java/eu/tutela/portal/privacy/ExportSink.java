package eu.tutela.portal.privacy;

import java.sql.ResultSetMetaData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a provider writes what it holds on a subject, record by record, as it reads it: nothing is gathered in memory
 * first, so an archive of a hundred thousand records takes no more heap than one of a thousand.
 */
public interface ExportSink {

    int FETCH_SIZE = 500;

    /** One record of a category (a {@link DataCategory#key()}), its fields in the order given. */
    void record(String category, Map<String, Object> fields);

    /**
     * Each row the statement reads, as one record of {@code category}, its columns as fields: streamed, a few hundred
     * rows fetched at a time (within the caller's transaction, PostgreSQL's driver reads through a cursor; without a
     * fetch size it would hold every row of the result at once).
     */
    default void rows(JdbcClient jdbc, String category, String sql, Object... params) {
        jdbc.sql(sql).params(params).withFetchSize(FETCH_SIZE).query(rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value = rs.getObject(i);
                fields.put(meta.getColumnLabel(i), value instanceof java.sql.Timestamp t ? t.toInstant() : value);
            }
            record(category, fields);
        });
    }
}
