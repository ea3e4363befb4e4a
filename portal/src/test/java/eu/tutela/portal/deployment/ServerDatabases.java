package eu.tutela.portal.deployment;

import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Other databases on this test JVM's PostgreSQL server, as its superuser ("postgres", trusted on loopback): the empty
 * ones an installation starts from, made and dropped as a database administrator would.
 */
final class ServerDatabases {

    private final Environment env;

    ServerDatabases(Environment env) {
        this.env = env;
    }

    /** A new, empty database owned by the migration owner, as docs/operations.md has an administrator make it. */
    String create(String name) {
        superuser("postgres").sql("create database " + name + " owner " + env.getRequiredProperty("spring.flyway.user")).update();
        return name;
    }

    void drop(String name) {
        JdbcClient postgres = superuser("postgres");
        postgres.sql("select pg_terminate_backend(pid) from pg_stat_activity where datname = ?").param(name).query().listOfRows();
        postgres.sql("drop database if exists " + name).update();
    }

    JdbcClient superuser(String database) {
        return JdbcClient.create(dataSource(database));
    }

    DataSource dataSource(String database) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url(database), "postgres", "");
    }

    /** The portal's JDBC address, for another database on the same server. */
    String url(String database) {
        return env.getRequiredProperty("spring.datasource.url").replaceAll("/[^/?]+(\\?.*)?$", "/" + database);
    }

    String portalDatabase() {
        return env.getRequiredProperty("spring.datasource.url").replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
    }

    int port() {
        return Integer.parseInt(env.getRequiredProperty("spring.datasource.url").replaceAll(".*://[^:/]+:(\\d+)/.*", "$1"));
    }
}
