package eu.tutela.portal.policy;

import eu.tutela.portal.tenancy.TenantRole;
import java.sql.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Decisions on versions and the rule of who may decline, for the tenant bound to the transaction. */
@Repository
class AcceptanceRepository {

    /** Where a person stands: the latest version that asks for acceptance, and their latest decisions. */
    record Standing(Integer required, Integer active, Integer lastAccepted, Integer lastDecided) {

        boolean pending() {
            return required != null && (lastDecided == null || lastDecided < required);
        }
    }

    /** One person's decision on a version (or a later one), for the export. */
    record PersonDecision(UUID userId, int version, String decision, String lang, String textShown, String channel,
            String contentHash, Instant decidedAt) {
    }

    private final JdbcClient jdbc;

    AcceptanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Standing standing(UUID userId) {
        return jdbc.sql("""
                        select (select max(number) from policy_version where kind in ('FIRST', 'SUBSTANTIAL')) as required,
                               (select number from policy_version where status = 'ACTIVE') as active,
                               s.accepted_version, s.decided_version
                          from (select 1) one left join policy_standing s on s.user_id = :user""")
                .param("user", userId)
                .query((rs, row) -> new Standing(rs.getObject("required", Integer.class), rs.getObject("active", Integer.class),
                        rs.getObject("accepted_version", Integer.class), rs.getObject("decided_version", Integer.class)))
                .single();
    }

    /** False when this person had already decided on this version (the first decision stands). */
    boolean insert(UUID userId, int version, String decision, String lang, String contentHash, TextShown shown,
            AcceptanceChannel channel) {
        boolean recorded = jdbc.sql("""
                        insert into policy_acceptance (tenant_id, user_id, version_number, decision, lang, content_hash, text_shown, channel)
                        values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(userId, version, decision, lang, contentHash, shown.name(), channel.name())
                .update() == 1;
        if (recorded) {
            Integer accepted = "ACCEPTED".equals(decision) ? version : null;
            jdbc.sql("""
                            insert into policy_standing (tenant_id, user_id, accepted_version, decided_version)
                            values (current_tenant_id(), ?, ?, ?)
                            on conflict (tenant_id, user_id) do update
                               set accepted_version = greatest(policy_standing.accepted_version, excluded.accepted_version),
                                   decided_version = greatest(policy_standing.decided_version, excluded.decided_version)""")
                    .params(userId, accepted, version)
                    .update();
        }
        return recorded;
    }

    /**
     * A guardian's acceptance for a child of the registry (who may have no portal account yet); the child's standing
     * is theirs to keep once they have an account, so none is written. False when already recorded.
     */
    boolean insertForChild(UUID guardianUserId, UUID childPersonId, int version, String lang, String contentHash) {
        return jdbc.sql("""
                        insert into policy_acceptance (tenant_id, user_id, version_number, decision, lang, content_hash, text_shown,
                                                       channel, for_person)
                        values (current_tenant_id(), ?, ?, 'ACCEPTED', ?, ?, 'FULL', 'SIGN_IN', ?)
                        on conflict do nothing""")
                .params(guardianUserId, version, lang, contentHash, childPersonId)
                .update() == 1;
    }

    /** Whether someone accepted this version for this child of the registry. */
    boolean acceptedForChild(UUID childPersonId, int version) {
        return jdbc.sql("select exists (select 1 from policy_acceptance where for_person = ? and version_number = ? and decision = 'ACCEPTED')")
                .params(childPersonId, version).query(Boolean.class).single();
    }

    /**
     * Per role, how many members accepted this version or a later one, declined without accepting, or have
     * not decided yet: the members joined with where each stands, one row each.
     */
    List<AcceptanceCounts> countsByRole(int version) {
        Map<String, AcceptanceCounts> counted = jdbc.sql("""
                        select m.role,
                               count(*) filter (where s.accepted_version >= :v) as accepted,
                               count(*) filter (where s.decided_version >= :v and coalesce(s.accepted_version, 0) < :v) as declined,
                               count(*) filter (where s.user_id is null or s.decided_version < :v) as pending
                          from member_role m left join policy_standing s on s.user_id = m.user_id
                         group by m.role""")
                .param("v", version)
                .query((rs, row) -> new AcceptanceCounts(TenantRole.valueOf(rs.getString("role")), rs.getInt("accepted"),
                        rs.getInt("declined"), rs.getInt("pending")))
                .list().stream().collect(Collectors.toMap(c -> c.role().name(), c -> c));
        return Arrays.stream(TenantRole.values()).filter(r -> counted.containsKey(r.name())).map(r -> counted.get(r.name())).toList();
    }

    /** Each person's deciding record for this version: their acceptance of it or a later one, else their refusal. */
    Map<UUID, PersonDecision> decisions(int version) {
        return jdbc.sql("""
                        select distinct on (user_id) user_id, version_number, decision, lang, text_shown, channel, content_hash, decided_at
                          from policy_acceptance
                         where version_number >= ? and on_behalf_of is null and for_person is null
                         order by user_id, (decision = 'ACCEPTED') desc, version_number, decided_at""")
                .param(version)
                .query((rs, row) -> new PersonDecision(rs.getObject("user_id", UUID.class), rs.getInt("version_number"),
                        rs.getString("decision"), rs.getString("lang"), rs.getString("text_shown"), rs.getString("channel"),
                        rs.getString("content_hash"), rs.getTimestamp("decided_at").toInstant()))
                .list().stream().collect(Collectors.toMap(PersonDecision::userId, d -> d));
    }

    Set<TenantRole> declineAllowedRoles() {
        return jdbc.sql("select decline_allowed_roles from policy_acceptance_rule")
                .query((rs, row) -> roles(rs.getArray("decline_allowed_roles")))
                .optional().orElse(EnumSet.noneOf(TenantRole.class));
    }

    void setDeclineAllowedRoles(Set<TenantRole> roles) {
        String array = "{" + roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}";
        jdbc.sql("""
                        insert into policy_acceptance_rule (tenant_id, decline_allowed_roles) values (current_tenant_id(), ?::text[])
                        on conflict (tenant_id) do update set decline_allowed_roles = excluded.decline_allowed_roles, updated_at = now()""")
                .param(array)
                .update();
    }

    private static Set<TenantRole> roles(Array array) throws java.sql.SQLException {
        Set<TenantRole> roles = EnumSet.noneOf(TenantRole.class);
        for (String role : (String[]) array.getArray()) {
            roles.add(TenantRole.valueOf(role));
        }
        return roles;
    }
}
