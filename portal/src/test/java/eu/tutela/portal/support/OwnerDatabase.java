package eu.tutela.portal.support;

import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The database as the schema owner sees it (the role Flyway migrates as): what the data really is,
 * for tests to check what the application role could not see or must not have changed.
 */
public final class OwnerDatabase {

    private OwnerDatabase() {
    }

    public static JdbcClient of(Environment env) {
        DataSource owner = new SimpleDriverDataSource(new org.postgresql.Driver(), env.getRequiredProperty("spring.flyway.url"),
                env.getRequiredProperty("spring.flyway.user"), env.getRequiredProperty("spring.flyway.password"));
        return JdbcClient.create(owner);
    }
}
