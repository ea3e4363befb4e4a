package eu.tutela.portal.policy;

import eu.tutela.policy.Lang;
import eu.tutela.policy.Rendering;
import eu.tutela.policy.catalogue.Topic;
import eu.tutela.policy.render.RenderedPolicy;
import eu.tutela.policy.render.RenderedSection;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The policy tables of the tenant bound to the transaction (row-level security sees to the tenant). */
@Repository
class PolicyRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DRAFT = "select template_id, content::text as content, revision, updated_at, updated_name from policy_draft";
    private static final String VERSION = """
            select number, template_id, status, kind, proposed_kind, override_reason, topics, effective_date, published_at,
                   publisher_name,
                   (select coalesce(jsonb_object_agg(r.lang, r.content_hash), '{}'::jsonb)::text from policy_rendering r
                     where r.tenant_id = v.tenant_id and r.number = v.number and r.audience = 'FULL') as hashes
              from policy_version v""";

    private final JdbcClient jdbc;

    PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PolicyDraft> draft() {
        return jdbc.sql(DRAFT).query(PolicyRepository::draftRow).optional();
    }

    Optional<PolicyDraft> draftForUpdate() {
        return jdbc.sql(DRAFT + " for update").query(PolicyRepository::draftRow).optional();
    }

    /** False when the tenant has a draft already (even one saved a moment ago by someone else). */
    boolean insertDraft(String templateId, DraftContent content, UUID by, String byName) {
        return jdbc.sql("""
                        insert into policy_draft (tenant_id, template_id, content, revision, updated_by, updated_name)
                        values (current_tenant_id(), ?, ?::jsonb, 1, ?, ?) on conflict (tenant_id) do nothing""")
                .params(templateId, DraftJson.write(content), by, byName).update() == 1;
    }

    boolean updateDraft(DraftContent content, int expectedRevision, UUID by, String byName) {
        return jdbc.sql("""
                        update policy_draft set content = ?::jsonb, revision = revision + 1, updated_at = now(),
                               updated_by = ?, updated_name = ?
                         where revision = ?""")
                .params(DraftJson.write(content), by, byName, expectedRevision).update() == 1;
    }

    boolean deleteDraft(int expectedRevision) {
        return jdbc.sql("delete from policy_draft where revision = ?").param(expectedRevision).update() == 1;
    }

    Optional<PolicyVersion> active() {
        return jdbc.sql(VERSION + " where status = 'ACTIVE'").query(PolicyRepository::versionRow).optional();
    }

    Optional<PolicyVersion> version(int number) {
        return jdbc.sql(VERSION + " where number = ?").param(number).query(PolicyRepository::versionRow).optional();
    }

    List<PolicyVersion> versions() {
        return jdbc.sql(VERSION + " order by number desc").query(PolicyRepository::versionRow).list();
    }

    Optional<DraftContent> content(int number) {
        return jdbc.sql("select content::text from policy_version where number = ?").param(number)
                .query(String.class).optional().map(DraftJson::read);
    }

    int nextNumber() {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from policy_version").query(Integer.class).single();
    }

    void archive(int number) {
        jdbc.sql("update policy_version set status = 'ARCHIVED' where number = ?").param(number).update();
    }

    void insertVersion(int number, String templateId, DraftContent content, VersionKind kind, VersionKind proposed,
            String reason, List<String> topics, LocalDate effectiveDate, UUID by, String byName) {
        jdbc.sql("""
                        insert into policy_version (tenant_id, number, template_id, content, status, kind, proposed_kind,
                                                    override_reason, topics, effective_date, published_by, publisher_name)
                        values (current_tenant_id(), ?, ?, ?::jsonb, 'ACTIVE', ?, ?, ?, ?::text[], ?, ?, ?)""")
                .params(number, templateId, DraftJson.write(content), kind.name(), proposed.name(), reason,
                        "{" + String.join(",", topics) + "}", effectiveDate, by, byName)
                .update();
    }

    void insertRendering(int number, Lang lang, TextShown audience, Rendering rendering, byte[] pdf) {
        List<Map<String, String>> sections = rendering.policy().sections().stream()
                .map(s -> Map.of("id", s.id(), "topic", s.topic().name(), "title", s.title(), "markdown", s.markdown()))
                .toList();
        jdbc.sql("""
                        insert into policy_rendering (tenant_id, number, lang, audience, title, html, markdown, pdf, content_hash, sections)
                        values (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(number, lang.code(), audience.name(), rendering.policy().title(), rendering.html(), rendering.markdown(), pdf,
                        rendering.contentHash(), JSON.writeValueAsString(sections))
                .update();
    }

    Optional<PublishedText> text(int number, String lang) {
        return text(number, lang, TextShown.FULL);
    }

    Optional<PublishedText> text(int number, String lang, TextShown audience) {
        return jdbc.sql("""
                        select number, lang, title, html, markdown, content_hash from policy_rendering
                         where number = ? and lang = ? and audience = ?""")
                .params(number, lang, audience.name())
                .query((rs, row) -> new PublishedText(rs.getInt("number"), rs.getString("lang"), rs.getString("title"),
                        rs.getString("html"), rs.getString("markdown"), rs.getString("content_hash")))
                .optional();
    }

    Optional<byte[]> pdf(int number, String lang) {
        return jdbc.sql("select pdf from policy_rendering where number = ? and lang = ? and audience = 'FULL'").params(number, lang)
                .query((rs, row) -> rs.getBytes("pdf")).optional();
    }

    /** A published text as the library compares it: its sections, exactly as they were published. */
    Optional<Rendering> rendering(int number, Lang lang) {
        return jdbc.sql("""
                        select v.template_id, r.title, r.html, r.content_hash, r.sections::text as sections
                          from policy_rendering r join policy_version v on v.tenant_id = r.tenant_id and v.number = r.number
                         where r.number = ? and r.lang = ? and r.audience = 'FULL'""")
                .params(number, lang.code())
                .query((rs, row) -> {
                    List<RenderedSection> sections = new ArrayList<>();
                    for (Object item : JSON.readValue(rs.getString("sections"), List.class)) {
                        Map<?, ?> s = (Map<?, ?>) item;
                        sections.add(new RenderedSection((String) s.get("id"), Topic.valueOf((String) s.get("topic")),
                                (String) s.get("title"), (String) s.get("markdown")));
                    }
                    RenderedPolicy policy = new RenderedPolicy(rs.getString("template_id"), lang, rs.getString("title"), "",
                            String.valueOf(number), "", sections);
                    return new Rendering(policy, rs.getString("html"), rs.getString("content_hash"));
                })
                .optional();
    }

    private static PolicyDraft draftRow(ResultSet rs, int row) throws SQLException {
        return new PolicyDraft(rs.getString("template_id"), DraftJson.read(rs.getString("content")), rs.getInt("revision"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_name"));
    }

    private static PolicyVersion versionRow(ResultSet rs, int row) throws SQLException {
        Array topics = rs.getArray("topics");
        Map<String, String> hashes = new LinkedHashMap<>();
        JSON.readValue(rs.getString("hashes"), Map.class).forEach((k, v) -> hashes.put(String.valueOf(k), String.valueOf(v)));
        return new PolicyVersion(rs.getInt("number"), rs.getString("template_id"),
                PolicyVersion.Status.valueOf(rs.getString("status")), VersionKind.valueOf(rs.getString("kind")),
                VersionKind.valueOf(rs.getString("proposed_kind")), rs.getString("override_reason"),
                List.copyOf(Arrays.asList((String[]) topics.getArray())), rs.getObject("effective_date", LocalDate.class),
                rs.getTimestamp("published_at").toInstant(), rs.getString("publisher_name"), hashes);
    }
}
