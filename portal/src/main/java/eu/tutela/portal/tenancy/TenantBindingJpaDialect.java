package eu.tutela.portal.tenancy;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.TransactionDefinition;

/**
 * Binds the database settings that row-level security reads ({@code tutela.tenant_id}, and
 * {@code tutela.user_id} for the {@link ActingPerson}) to the transaction, right after it began; the
 * tenant from Hibernate's own tenant identifier for the session: one source for both layers.
 * {@code set_config(..., true)} is transaction-local, so it ends with the commit or rollback,
 * whatever pool or pooler (PgBouncer in transaction mode, Citus) hands the connection on afterwards. JdbcClient calls inside the transaction share its connection and so
 * its tenant; plain JDBC outside any transaction has no tenant and sees no tenant's rows.
 */
class TenantBindingJpaDialect extends HibernateJpaDialect {

    @Override
    public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition)
            throws java.sql.SQLException {
        Object transactionData = super.beginTransaction(entityManager, definition);
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        Object tenant = session.getTenantIdentifierValue();
        String tenantSetting = tenant == null || TenancyDataConfiguration.NO_TENANT.equals(tenant) ? "" : tenant.toString();
        String personSetting = ActingPerson.current().map(UUID::toString).orElse("");
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select set_config('tutela.tenant_id', ?, true), set_config('tutela.user_id', ?, true)")) {
                statement.setString(1, tenantSetting);
                statement.setString(2, personSetting);
                statement.execute();
            }
        });
        return transactionData;
    }
}
