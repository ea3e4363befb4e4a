package eu.tutela.portal.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections already bound to the current tenant: PostgreSQL's row-level security
 * policies read {@code tutela.tenant_id}, which is set here at every checkout (and cleared when no
 * tenant is selected). A Spring transaction holds one connection from begin to commit, so the
 * setting is the transaction's. Any code path that reaches the database through the application's
 * data source (JPA, JdbcClient, plain JDBC) gets the same binding; none can forget it.
 */
public class TenantBoundDataSource extends DelegatingDataSource {

    public TenantBoundDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bind(super.getConnection(username, password));
    }

    private static Connection bind(Connection connection) throws SQLException {
        String tenant = TenantContext.current().map(UUID::toString).orElse("");
        try (PreparedStatement statement = connection.prepareStatement("select set_config('tutela.tenant_id', ?, false)")) {
            statement.setString(1, tenant);
            statement.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
