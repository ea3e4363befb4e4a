package eu.tutela.portal.consent;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consent_setting row of the tenant bound to the transaction (none: the defaults). */
@Repository
class ConsentSettingRepository {

    private final JdbcClient jdbc;

    ConsentSettingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean allGuardians() {
        return jdbc.sql("select all_guardians from consent_setting").query(Boolean.class).optional().orElse(false);
    }

    void allGuardians(boolean all, UUID by) {
        jdbc.sql("""
                        insert into consent_setting (tenant_id, all_guardians, updated_by) values (current_tenant_id(), ?, ?)
                        on conflict (tenant_id) do update set all_guardians = excluded.all_guardians, updated_at = now(),
                                                               updated_by = excluded.updated_by""")
                .params(all, by).update();
    }
}
