package eu.tutela.portal.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What {@link ConsentService#allows} needs of this module's tables, read in one statement (round trips, not the queries
 * themselves, were its cost: see docs/benchmarks.md, "Consent"): the purpose, the institution's minor rule, the latest
 * decision of each giver about that purpose for that person, and the person's one choice for the channel asked.
 */
@Repository
class AllowsQuery {

    /** The facts for one person and purpose; {@code channelChoice} empty when the person never chose for that channel. */
    record Facts(ConsentPurpose purpose, MinorConsentRule rule, List<ConsentDecision> latest, Optional<Boolean> channelChoice) {
    }

    private final JdbcClient jdbc;

    AllowsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // No channel is read as the name of none ("", never null): a typed parameter keeps the statement's plan reusable.
    Optional<Facts> facts(UUID personId, String purposeCode, Channel channel) {
        List<Facts> rows = new ArrayList<>();
        jdbc.sql("""
                        select p.id, p.code, p.name_fr, p.name_en, p.description_fr, p.description_en, p.lawful_basis, p.section_id,
                               p.stated_in, p.status, p.reworded,
                               coalesce((select s.all_guardians from consent_setting s), false) as all_guardians,
                               (select c.allowed from channel_preference c
                                 where c.person_id = :person and c.channel = :channel
                                   and c.topic = case when p.section_id = 'contact-marketing' then 'MARKETING' else 'INFORMATION' end)
                                   as channel_allowed,
                               d.id as d_id, d.subject_id as d_subject_id, d.giver_id as d_giver_id, d.purpose_id as d_purpose_id,
                               d.decision as d_decision, d.policy_version as d_policy_version, d.policy_hash as d_policy_hash,
                               d.lang as d_lang, d.method as d_method, d.note as d_note, d.recorded_by as d_recorded_by,
                               d.recorded_at as d_recorded_at
                          from consent_purpose p
                          left join lateral (
                               select distinct on (x.giver_id) x.* from consent_decision x
                                where x.subject_id = :person and x.purpose_id = p.id
                                order by x.giver_id, x.recorded_at desc, x.id) d on true
                         where p.code = :code""")
                .param("person", personId).param("code", purposeCode).param("channel", channel == null ? "" : channel.name())
                .query((ResultSet rs) -> {
                    if (rows.isEmpty()) {
                        rows.add(new Facts(PurposeRepository.row(rs, 0),
                                rs.getBoolean("all_guardians") ? MinorConsentRule.ALL_GUARDIANS : MinorConsentRule.ONE_GUARDIAN,
                                new ArrayList<>(), channelChoice(rs)));
                    }
                    if (rs.getObject("d_id") != null) {
                        rows.getFirst().latest().add(DecisionRepository.row(rs, "d_"));
                    }
                });
        return rows.stream().findFirst();
    }

    private static Optional<Boolean> channelChoice(ResultSet rs) throws SQLException {
        boolean allowed = rs.getBoolean("channel_allowed");
        return rs.wasNull() ? Optional.empty() : Optional.of(allowed);
    }
}
