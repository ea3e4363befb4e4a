package eu.tutela.portal.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    Optional<Facts> facts(UUID personId, String purposeCode, Channel channel) {
        // One person as a value, not an array of one: see PeopleRepository.withGuardians on generic plans.
        return Optional.ofNullable(facts("(select cast(:people as uuid) as person_id) x", personId, purposeCode, channel).get(personId));
    }

    /**
     * The facts for each of these people (a mailing's hundred) in the one statement; empty when the purpose does not
     * exist. No channel is read as the name of none ("", never null): a typed parameter keeps the statement's plan
     * reusable.
     */
    Map<UUID, Facts> facts(Collection<UUID> personIds, String purposeCode, Channel channel) {
        return facts("unnest(cast(:people as uuid[])) as x(person_id)", personIds.stream().map(UUID::toString).toArray(String[]::new),
                purposeCode, channel);
    }

    private Map<UUID, Facts> facts(String people, Object parameter, String purposeCode, Channel channel) {
        Map<UUID, Facts> facts = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.id, p.code, p.name_fr, p.name_en, p.description_fr, p.description_en, p.lawful_basis, p.section_id,
                               p.stated_in, p.status, p.reworded,
                               coalesce((select s.all_guardians from consent_setting s), false) as all_guardians,
                               x.person_id,
                               (select c.allowed from channel_preference c
                                 where c.person_id = x.person_id and c.channel = :channel
                                   and c.topic = case when p.section_id = 'contact-marketing' then 'MARKETING' else 'INFORMATION' end)
                                   as channel_allowed,
                               d.id as d_id, d.subject_id as d_subject_id, d.giver_id as d_giver_id, d.purpose_id as d_purpose_id,
                               d.decision as d_decision, d.policy_version as d_policy_version, d.policy_hash as d_policy_hash,
                               d.lang as d_lang, d.method as d_method, d.note as d_note, d.recorded_by as d_recorded_by,
                               d.recorded_at as d_recorded_at
                          from consent_purpose p
                         cross join""" + " " + people + " " + """
                          left join lateral (
                               select distinct on (y.giver_id) y.* from consent_decision y
                                where y.subject_id = x.person_id and y.purpose_id = p.id
                                order by y.giver_id, y.recorded_at desc, y.id) d on true
                         where p.code = :code""")
                .param("people", parameter).param("code", purposeCode)
                .param("channel", channel == null ? "" : channel.name())
                .query((ResultSet rs) -> {
                    UUID person = rs.getObject("person_id", UUID.class);
                    Facts found = facts.get(person);
                    if (found == null) {
                        found = new Facts(PurposeRepository.row(rs, 0),
                                rs.getBoolean("all_guardians") ? MinorConsentRule.ALL_GUARDIANS : MinorConsentRule.ONE_GUARDIAN,
                                new ArrayList<>(), channelChoice(rs));
                        facts.put(person, found);
                    }
                    if (rs.getObject("d_id") != null) {
                        found.latest().add(DecisionRepository.row(rs, "d_"));
                    }
                });
        return facts;
    }

    private static Optional<Boolean> channelChoice(ResultSet rs) throws SQLException {
        boolean allowed = rs.getBoolean("channel_allowed");
        return rs.wasNull() ? Optional.empty() : Optional.of(allowed);
    }
}
