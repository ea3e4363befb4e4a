package eu.tutela.portal.consent;

import eu.tutela.policy.LawfulBasis;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consent_purpose rows of the tenant bound to the transaction. */
@Repository
class PurposeRepository {

    private static final String SELECT = """
            select id, code, name_fr, name_en, description_fr, description_en, lawful_basis, section_id, stated_in, status, reworded
              from consent_purpose""";

    private final JdbcClient jdbc;

    PurposeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active purposes first, each group in the order they were stated (then added). */
    List<ConsentPurpose> all() {
        return jdbc.sql(SELECT + " order by status, stated_in is null, position, created_at, code").query(PurposeRepository::row).list();
    }

    Optional<ConsentPurpose> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(PurposeRepository::row).optional();
    }

    Optional<ConsentPurpose> findByCode(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query(PurposeRepository::row).optional();
    }

    void insert(UUID id, String code, PurposeWording w, LawfulBasis basis, String sectionId, Integer statedIn, int position) {
        jdbc.sql("""
                        insert into consent_purpose (tenant_id, id, code, name_fr, name_en, description_fr, description_en, lawful_basis,
                                                     consent_required, default_on, section_id, stated_in, status, position)
                        values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")
                .params(id, code, w.nameFr(), w.nameEn(), w.descriptionFr(), w.descriptionEn(), basis.letter(), basis.isConsent(),
                        !basis.isConsent(), sectionId, statedIn, position)
                .update();
    }

    /** What a policy version states of a purpose: its basis and section always; its wording unless reworded here. */
    void restate(UUID id, PurposeWording w, LawfulBasis basis, String sectionId, int statedIn, int position) {
        jdbc.sql("""
                        update consent_purpose
                           set name_fr = case when reworded then name_fr else ? end, name_en = case when reworded then name_en else ? end,
                               description_fr = case when reworded then description_fr else ? end,
                               description_en = case when reworded then description_en else ? end,
                               lawful_basis = ?, consent_required = ?, default_on = ?, section_id = ?, stated_in = ?, status = 'ACTIVE',
                               position = ?, updated_at = now()
                         where id = ?""")
                .params(w.nameFr(), w.nameEn(), w.descriptionFr(), w.descriptionEn(), basis.letter(), basis.isConsent(), !basis.isConsent(),
                        sectionId, statedIn, position, id)
                .update();
    }

    void reword(UUID id, PurposeWording w) {
        jdbc.sql("""
                        update consent_purpose set name_fr = ?, name_en = ?, description_fr = ?, description_en = ?, reworded = true,
                               updated_at = now()
                         where id = ?""")
                .params(w.nameFr(), w.nameEn(), w.descriptionFr(), w.descriptionEn(), id).update();
    }

    void rebase(UUID id, LawfulBasis basis) {
        jdbc.sql("update consent_purpose set lawful_basis = ?, consent_required = ?, default_on = ?, updated_at = now() where id = ?")
                .params(basis.letter(), basis.isConsent(), !basis.isConsent(), id).update();
    }

    void status(UUID id, ConsentPurpose.Status status) {
        jdbc.sql("update consent_purpose set status = ?, updated_at = now() where id = ?").params(status.name(), id).update();
    }

    static ConsentPurpose row(ResultSet rs, int n) throws SQLException {
        int stated = rs.getInt("stated_in");
        return new ConsentPurpose(rs.getObject("id", UUID.class), rs.getString("code"),
                new PurposeWording(rs.getString("name_fr"), rs.getString("name_en"), rs.getString("description_fr"), rs.getString("description_en")),
                LawfulBasis.ofLetter(rs.getString("lawful_basis")).orElseThrow(), rs.getString("section_id"),
                rs.wasNull() ? null : stated, ConsentPurpose.Status.valueOf(rs.getString("status")), rs.getBoolean("reworded"));
    }
}
