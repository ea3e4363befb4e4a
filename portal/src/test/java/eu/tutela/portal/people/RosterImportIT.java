package eu.tutela.portal.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Roster imports against the real database and job engine: a French spreadsheet in Windows-1252 and a OneRoster
 * export previewed with their invalid rows, applied, re-imported without change; bulk, delta and 1.2 roles honoured;
 * bad files refused with nothing imported; nothing across institutions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RosterImportIT {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Autowired
    RosterImports imports;
    @Autowired
    People people;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    Memberships memberships;
    @Autowired
    PortalUsers users;
    @Autowired
    Environment env;
    @Autowired
    MeterRegistry metrics;

    @TempDir
    Path dir;

    Tenant school;
    String suffix;
    UUID admin;

    @BeforeEach
    void aSchool() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        school = tenants.ensure("roster-" + suffix, "Collège Import " + suffix, "FR", "fr");
        admin = member(school, "admin", TenantRole.ADMIN);
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void aFrenchSpreadsheetIsPreviewedWithItsInvalidRowsThenImportedAndAReimportChangesNothing() throws Exception {
        String sheet = """
                identifiant;type;prénom;nom;date de naissance;classe;courriel;téléphone;fonction;enfants;lien;autorité parentale
                E1;élève;Hélène;Lefèvre;14/03/2013;5e B;;;;;;
                E2;Élève;Noël;Œuvray;2012-09-01;4e A;;;;;;
                R1;responsable;Françoise;Lefèvre;;;francoise@example.org;+33 6 11 22 33 44;;E1|E2;mère;oui
                R2;responsable;Jérôme;Lefèvre;;;;;;E1;père;non
                P1;personnel;Marc;Leroy;;;marc.leroy@example.org;;"Professeur
                de mathématiques";;;
                E3;élève;<script>alert(1)</script>;Test;01/01/2013;6e A;;;;;;
                E4;élève;Futur;Date;01/01/2099;6e A;;;;;;
                E5;élève;Double;Un;01/01/2013;6e A;;;;;;
                E5;élève;Double;Deux;01/01/2013;6e A;;;;;;
                R3;responsable;Inconnu;Lien;;;;;;E999;;
                E6;élève;Sans;Date;32/13/2013;6e A;;;;;;
                """;
        Path file = write("eleves-2026.csv", sheet.replace("\n", "\r\n"), WINDOWS_1252);
        double previewedRows = importedRows("preview");
        double appliedRows = importedRows("apply");

        RosterImport previewed = settled(as(admin, () -> imports.start(List.of(upload(file)), RosterImport.Mode.CHANGES, null)));
        assertThat(previewed.status()).isEqualTo(RosterImport.Status.PREVIEWED);
        assertThat(previewed.format()).isEqualTo(RosterImport.Format.TUTELA_CSV);
        assertThat(previewed.sha256()).isEqualTo(sha256(file));
        // Lines are the spreadsheet's rows: the teacher's two-line function is one row (6). New: E1, E2, R1, R2, P1 and R3 (whose only fault is its link); links: R1→E1, R1→E2, R2→E1.
        assertThat(previewed.summary()).isEqualTo(new RosterSummary(6, 0, 0, 0, 3, 0, 0, 6));
        List<RosterProblem> problems = as(admin, () -> imports.problems(previewed.id(), 0, 100));
        assertThat(problems).extracting(RosterProblem::line, RosterProblem::field, RosterProblem::messageKey).containsExactly(
                tuple(7L, "givenName", "people.name.markup"),
                tuple(8L, "birthDate", "people.birthDate.future"),
                tuple(9L, "externalId", "people.import.externalId.duplicate"),
                tuple(10L, "externalId", "people.import.externalId.duplicate"),
                tuple(11L, "link", "people.import.link.unknown"),
                tuple(12L, "birthDate", "people.import.date"));
        assertThat(problems.get(0).detail()).isEqualTo("<script>alert(1)</script>");
        assertThat(count()).as("nothing imported before confirmation").isZero();

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        as(admin, () -> run(() -> imports.problemsCsv(previewed.id(), Locale.FRENCH, csv)));
        String errors = csv.toString(StandardCharsets.UTF_8);
        assertThat(errors).startsWith("\uFEFFFichier,Ligne,Champ,Problème,Valeur dans le fichier")
                .contains("eleves-2026.csv,8,Date de naissance,Une date de naissance ne peut pas être dans le futur.,2099-01-01")
                .contains("« 32/13/2013 » n’est pas une date");

        RosterImport applied = settled(as(admin, () -> imports.confirm(previewed.id())));
        assertThat(applied.status()).isEqualTo(RosterImport.Status.APPLIED);
        assertThat(applied.appliedAt()).isNotNull();
        assertThat(count()).isEqualTo(6);
        assertThat(importedRows("preview") - previewedRows).as("rows previewed, for the operators' import rate").isEqualTo(12);
        assertThat(importedRows("apply") - appliedRows).as("rows imported").isEqualTo(12);
        Person helene = as(admin, () -> people.findByExternalId("E1")).orElseThrow();
        assertThat(helene.displayName()).isEqualTo("Hélène Lefèvre");
        assertThat(helene.birthDate()).isEqualTo(LocalDate.of(2013, 3, 14));
        assertThat(helene.className()).isEqualTo("5e B");
        assertThat(as(admin, () -> people.findByExternalId("E2")).orElseThrow().familyName()).isEqualTo("Œuvray");
        assertThat(as(admin, () -> people.findByExternalId("P1")).orElseThrow().jobFunction()).isEqualTo("Professeur\nde mathématiques");
        List<Guardianship> guardians = as(admin, () -> people.links(helene.id()));
        assertThat(guardians).extracting(g -> g.other().givenName(), Guardianship::relationship, Guardianship::parentalResponsibility)
                .containsExactlyInAnyOrder(tuple("Françoise", Relationship.MOTHER, true),
                        tuple("Jérôme", Relationship.FATHER, false));
        assertThat(as(admin, () -> people.search(new PeopleFilter("helene lefevre", null, null, null, null), PeopleSort.NAME, 0, 10)))
                .extracting(Person::externalId).containsExactly("E1");
        List<String> audited = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql(
                "select action from audit_entry where subject_id = ?").param(applied.id().toString()).query(String.class).list());
        assertThat(audited).containsExactly("roster.imported");

        // The same file again: nothing changes. The same file with one class changed: one change.
        RosterImport again = settled(as(admin, () -> imports.start(List.of(upload(file)), RosterImport.Mode.CHANGES, null)));
        assertThat(again.summary()).isEqualTo(new RosterSummary(0, 0, 6, 0, 0, 0, 0, 6));
        Path changed = write("eleves-2026-b.csv", sheet.replace("E1;élève;Hélène;Lefèvre;14/03/2013;5e B", "E1;élève;Hélène;Lefèvre;14/03/2013;4e B"),
                WINDOWS_1252);
        RosterImport oneChange = settled(as(admin, () -> imports.start(List.of(upload(changed)), RosterImport.Mode.CHANGES, null)));
        assertThat(again.id()).isNotEqualTo(oneChange.id());
        assertThat(as(admin, () -> imports.find(again.id())).orElseThrow().status())
                .as("a new upload replaces the import that waited for confirmation").isEqualTo(RosterImport.Status.CANCELLED);
        assertThat(oneChange.summary()).isEqualTo(new RosterSummary(0, 1, 5, 0, 0, 0, 0, 6));
        assertThat(settled(as(admin, () -> imports.confirm(oneChange.id()))).status()).isEqualTo(RosterImport.Status.APPLIED);
        assertThat(as(admin, () -> people.findByExternalId("E1")).orElseThrow().className()).isEqualTo("4e B");
        assertThat(as(admin, () -> imports.history(10))).extracting(RosterImport::status)
                .containsExactly(RosterImport.Status.APPLIED, RosterImport.Status.CANCELLED, RosterImport.Status.APPLIED);
    }

    @Test
    void theImportMergesTheRowsThePreviewKeptCheckedAgainTheRegistryAsItIsThenForgetsThem() {
        String sheet = """
                external_id,kind,given_name,family_name,birth_date,class,children,relationship,parental_responsibility
                K1,student,Hélène,Lefèvre,,5e B,,,
                K2,guardian,Françoise,Lefèvre,,,K1,mother,yes
                """;
        RosterImport previewed = settled(as(admin, () -> imports.start(List.of(upload(write("kept.csv", sheet, StandardCharsets.UTF_8))),
                RosterImport.Mode.CHANGES, null)));
        assertThat(previewed.summary()).as("the pupil has no birth date anywhere: left out, and her link with her")
                .isEqualTo(new RosterSummary(1, 0, 0, 0, 0, 0, 0, 2));
        assertThat(stagedChunks(previewed.id())).as("the preview keeps its checked rows for the import").isPositive();

        // Meanwhile the secretary registers the pupil by hand, with her birth date; and the uploaded file is gone:
        // the import takes the rows the preview read, checked again against the registry as it is now.
        Person byHand = as(admin, () -> people.register(new PersonDetails(PersonKind.STUDENT, "Helene", "Lefevre",
                LocalDate.of(2013, 3, 14), "6e A", null, null, null, null, "K1")));
        OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("delete from roster_import_chunk where import_id = ?")
                .param(previewed.id()).update());
        RosterImport applied = settled(as(admin, () -> imports.confirm(previewed.id())));
        assertThat(applied.status()).isEqualTo(RosterImport.Status.APPLIED);
        assertThat(applied.summary()).isEqualTo(new RosterSummary(1, 1, 0, 0, 1, 0, 0, 0));
        Person helene = as(admin, () -> people.find(byHand.id())).orElseThrow();
        assertThat(helene.displayName()).isEqualTo("Hélène Lefèvre");
        assertThat(helene.className()).isEqualTo("5e B");
        assertThat(helene.birthDate()).as("an empty birth date in the file keeps the registry's").isEqualTo(LocalDate.of(2013, 3, 14));
        assertThat(as(admin, () -> people.links(helene.id()))).extracting(g -> g.other().givenName(), Guardianship::relationship)
                .containsExactly(tuple("Françoise", Relationship.MOTHER));
        assertThat(stagedChunks(previewed.id())).as("a copy of personal data serves nothing once applied").isZero();

        RosterImport cancelled = settled(as(admin, () -> imports.start(List.of(upload(write("again.csv", sheet, StandardCharsets.UTF_8))),
                RosterImport.Mode.CHANGES, null)));
        assertThat(stagedChunks(cancelled.id())).isPositive();
        as(admin, () -> run(() -> imports.cancel(cancelled.id())));
        assertThat(stagedChunks(cancelled.id())).isZero();
    }

    @Test
    void anImportTakesWhatThePreviewSettledOnlyWhileNothingChangedThisInstitutionsRegistry() {
        Person zoe = as(admin, () -> people.register(new PersonDetails(PersonKind.STUDENT, "Zoé", "Martin", LocalDate.of(2014, 2, 3),
                "6e A", null, null, null, null, "R1")));
        Person luc = as(admin, () -> people.register(new PersonDetails(PersonKind.GUARDIAN, "Luc", "Martin", null, null,
                "luc@example.org", null, null, null, "R2")));
        String sheet = """
                external_id,kind,given_name,family_name,birth_date,class,children,relationship,parental_responsibility
                R1,student,Zoé,Martin,2014-02-03,6e B,,,
                R2,guardian,Luc,Martin,,,R1,father,yes
                """;
        RosterImport previewed = settled(as(admin, () -> imports.start(List.of(upload(write("settled.csv", sheet, StandardCharsets.UTF_8))),
                RosterImport.Mode.CHANGES, null)));
        assertThat(previewed.summary()).isEqualTo(new RosterSummary(0, 1, 1, 0, 1, 0, 0, 0));
        assertThat(changedSincePreview(school, previewed.id())).isFalse();

        // Another institution's registry changing is none of this import's business.
        Tenant other = tenants.ensure("roster-elsewhere-" + suffix, "Ailleurs " + suffix, "FR", "fr");
        UUID otherAdmin = member(other, "elsewhere-admin", TenantRole.ADMIN);
        SignedInAs.inTenant(otherAdmin, other, () -> people.register(new PersonDetails(PersonKind.STAFF, "Ana", "Lima", null, null, null,
                null, null, "Secrétaire", "R1")));
        assertThat(changedSincePreview(school, previewed.id())).isFalse();

        // Here, the link the file states made by hand while the preview waits: the import counts again, and finds it made.
        as(admin, () -> run(() -> people.link(luc.id(), zoe.id(), Relationship.FATHER, true)));
        assertThat(changedSincePreview(school, previewed.id())).isTrue();
        RosterImport applied = settled(as(admin, () -> imports.confirm(previewed.id())));
        assertThat(applied.status()).isEqualTo(RosterImport.Status.APPLIED);
        assertThat(applied.summary()).isEqualTo(new RosterSummary(0, 1, 1, 0, 0, 0, 0, 0));
        assertThat(as(admin, () -> people.find(zoe.id())).orElseThrow().className()).isEqualTo("6e B");
        assertThat(as(admin, () -> people.links(zoe.id()))).extracting(g -> g.other().externalId()).containsExactly("R2");

        // With no import waiting, the notes of changes serve nothing and are forgotten; another institution's stay.
        assertThat(changeNotes(school)).isPositive();
        int forgotten = OwnerDatabase.inTenant(env, school.id(), owner -> new RegistryChanges(owner).forgetUnawaited());
        assertThat(forgotten).isPositive();
        assertThat(changeNotes(school)).isZero();
        assertThat(changeNotes(other)).isPositive();
    }

    @Test
    void aFirstImportTakesEveryRowThePreviewAcceptedAndNoneItRefused() {
        String sheet = """
                external_id,kind,given_name,family_name,birth_date,class,children,relationship,parental_responsibility
                N1,student,Inès,Sans-Date,,5e B,,,
                N2,guardian,Irène,Sans-Date,,,N1,mother,yes
                N3,student,Léo,Daté,2013-04-05,5e B,,,
                """;
        RosterImport previewed = settled(as(admin, () -> imports.start(List.of(upload(write("first.csv", sheet, StandardCharsets.UTF_8))),
                RosterImport.Mode.CHANGES, null)));
        assertThat(previewed.summary()).as("Inès has no birth date, here or in the registry: she and the link to her are left out")
                .isEqualTo(new RosterSummary(2, 0, 0, 0, 0, 0, 0, 2));
        RosterImport applied = settled(as(admin, () -> imports.confirm(previewed.id())));
        assertThat(applied.summary()).isEqualTo(previewed.summary());
        assertThat(as(admin, () -> people.findByExternalId("N1"))).isEmpty();
        assertThat(as(admin, () -> people.findByExternalId("N3")).orElseThrow().birthDate()).isEqualTo(LocalDate.of(2013, 4, 5));
        assertThat(withoutFingerprint()).as("Irène's row is looked at again next time, to say why her link is refused").containsExactly("N2");
    }

    private boolean changedSincePreview(Tenant tenant, UUID importId) {
        return OwnerDatabase.inTenant(env, tenant.id(), owner -> new RegistryChanges(owner).changedSincePreview(importId));
    }

    private long changeNotes(Tenant tenant) {
        return OwnerDatabase.inTenant(env, tenant.id(), owner -> owner.sql("select count(*) from registry_change").query(Long.class).single());
    }

    private long stagedChunks(UUID importId) {
        return OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql("select count(*) from roster_kept_person where import_id = ?")
                .param(importId).query(Long.class).single());
    }

    @Test
    void oneRosterBulkDeltaAndRolesAreHonoured() throws IOException {
        Map<String, String> bulk = bulkSet("""
                sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
                s-1,,,true,org-1,student,amelie,,Amélie,Poulain,,,,,,"g-1,g-2",07,
                s-2,,,true,org-1,student,bastien,,Bastien,Roux,,,,,,g-1,08,
                g-1,,,true,org-1,parent,,,Claire,Poulain,,,claire@example.org,,0611223344,"s-1,s-2",,
                g-2,,,true,org-1,relative,,,Mamie,Poulain,,,,,,,,
                t-1,,,true,org-1,teacher,,,Paul,Prof,,,paul@example.org,,,,,
                """, "sourcedId,status,dateLastModified,birthDate,sex\ns-1,,,2013-05-04,female\ns-2,,,2012-01-02,male\n");
        RosterImport first = importZip("oneroster-bulk.zip", bulk);
        assertThat(first.format()).isEqualTo(RosterImport.Format.ONEROSTER);
        assertThat(first.mode()).isEqualTo(RosterImport.Mode.FULL);
        assertThat(first.summary()).isEqualTo(new RosterSummary(5, 0, 0, 0, 3, 0, 0, 0));
        Person amelie = as(admin, () -> people.findByExternalId("s-1")).orElseThrow();
        assertThat(amelie.birthDate()).isEqualTo(LocalDate.of(2013, 5, 4));
        assertThat(amelie.className()).isEqualTo("07");
        assertThat(as(admin, () -> people.links(amelie.id())))
                .extracting(g -> g.other().externalId(), Guardianship::relationship, Guardianship::parentalResponsibility)
                .containsExactlyInAnyOrder(tuple("g-1", Relationship.PARENT, true),
                        tuple("g-2", Relationship.OTHER, false));
        assertThat(as(admin, () -> people.findByExternalId("t-1")).orElseThrow().jobFunction()).isEqualTo("teacher");

        // The next bulk export no longer lists Bastien nor Mamie's link: he is deactivated, the link removed.
        bulk.put("users.csv", bulk.get("users.csv").replace("s-2,,,true,org-1,student,bastien,,Bastien,Roux,,,,,,g-1,08,\n", "")
                .replace("\"g-1,g-2\"", "g-1").replace("\"s-1,s-2\"", "s-1"));
        RosterImport second = importZip("oneroster-bulk-2.zip", bulk);
        assertThat(second.summary()).isEqualTo(new RosterSummary(0, 0, 4, 1, 0, 0, 1, 0));
        assertThat(as(admin, () -> people.findByExternalId("s-2")).orElseThrow().active()).isFalse();
        assertThat(as(admin, () -> people.links(amelie.id()))).extracting(g -> g.other().externalId()).containsExactly("g-1");

        // A delta names only changes: Paul leaves (tobedeleted), nobody else is touched.
        Map<String, String> delta = new LinkedHashMap<>();
        delta.put("manifest.csv", manifest("1.1", "delta", "absent"));
        delta.put("orgs.csv", bulk.get("orgs.csv"));
        delta.put("users.csv", """
                sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
                t-1,tobedeleted,,true,org-1,teacher,,,Paul,Prof,,,paul@example.org,,,,,
                """);
        RosterImport third = importZip("oneroster-delta.zip", delta);
        assertThat(third.mode()).isEqualTo(RosterImport.Mode.CHANGES);
        assertThat(third.summary()).isEqualTo(new RosterSummary(0, 0, 0, 1, 0, 0, 0, 0));
        assertThat(as(admin, () -> people.findByExternalId("t-1")).orElseThrow().active()).isFalse();
        assertThat(as(admin, () -> people.findByExternalId("s-1")).orElseThrow().active()).isTrue();

        // OneRoster 1.2, sent as separate files: roles in their own file.
        Path manifest = write("manifest.csv", manifest("1.2", "delta", "delta").replace("file.orgs,bulk", "file.orgs,absent")
                + "file.roles,bulk\n", StandardCharsets.UTF_8);
        Path users = write("users.csv", """
                sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns
                s-3,,,true,chloe,,Chloé,Nguyễn,,,,,,g-1,06,,,,,,org-1,
                """, StandardCharsets.UTF_8);
        Path roles = write("roles.csv", """
                sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId,userProfileSourcedId,beginDate,endDate
                r-1,,,s-3,primary,student,org-1,,,
                """, StandardCharsets.UTF_8);
        Path demographics = write("demographics.csv", "sourcedId,status,dateLastModified,birthDate\ns-3,,,2014-09-30\n",
                StandardCharsets.UTF_8);
        RosterImport fourth = settled(as(admin, () -> imports.start(List.of(upload(manifest), upload(users), upload(roles),
                upload(demographics)), RosterImport.Mode.CHANGES, null)));
        assertThat(fourth.summary()).as(() -> as(admin, () -> imports.problems(fourth.id(), 0, 10)).toString()).isEqualTo(new RosterSummary(1, 0, 0, 0, 1, 0, 0, 0));
        settled(as(admin, () -> imports.confirm(fourth.id())));
        Person chloe = as(admin, () -> people.findByExternalId("s-3")).orElseThrow();
        assertThat(chloe.kind()).isEqualTo(PersonKind.STUDENT);
        assertThat(chloe.familyName()).isEqualTo("Nguyễn");
        assertThat(as(admin, () -> people.links(chloe.id()))).extracting(g -> g.other().externalId()).containsExactly("g-1");
    }

    @Test
    void aReimportLooksAgainOnlyAtTheRowsChangedInTheFileOrByHand() throws IOException {
        // Gabriel (g-2) is Bastien's guardian by his own row only.
        Map<String, String> bulk = bulkSet("""
                sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password
                s-1,,,true,org-1,student,amelie,,Amélie,Poulain,,,,,,g-1,07,
                s-2,,,true,org-1,student,bastien,,Bastien,Roux,,,,,,g-1,08,
                g-1,,,true,org-1,parent,,,Claire,Poulain,,,claire@example.org,,0611223344,"s-1,s-2",,
                g-2,,,true,org-1,parent,,,Gabriel,Roux,,,,,,s-2,,
                t-1,,,true,org-1,teacher,,,Paul,Prof,,,paul@example.org,,,,,
                """, "sourcedId,status,dateLastModified,birthDate,sex\ns-1,,,2013-05-04,female\ns-2,,,2012-01-02,male\n");
        assertThat(importZip("first.zip", bulk).summary()).isEqualTo(new RosterSummary(5, 0, 0, 0, 3, 0, 0, 0));
        assertThat(withoutFingerprint()).as("every row taken whole is remembered as the file said it").isEmpty();

        // By hand: Amélie changes class, Claire is no longer Bastien's guardian, Gabriel becomes Amélie's. Only these four
        // are looked at again.
        Person amelie = as(admin, () -> people.findByExternalId("s-1")).orElseThrow();
        as(admin, () -> people.update(amelie.id(), new PersonDetails(PersonKind.STUDENT, "Amélie", "Poulain", amelie.birthDate(), "6e Z",
                null, null, null, null, "s-1")));
        UUID claire = as(admin, () -> people.findByExternalId("g-1")).orElseThrow().id();
        UUID bastien = as(admin, () -> people.findByExternalId("s-2")).orElseThrow().id();
        as(admin, () -> run(() -> people.unlink(claire, bastien)));
        UUID gabriel = as(admin, () -> people.findByExternalId("g-2")).orElseThrow().id();
        as(admin, () -> run(() -> people.link(gabriel, amelie.id(), Relationship.FATHER, true)));
        assertThat(withoutFingerprint()).containsExactlyInAnyOrder("s-1", "s-2", "g-1", "g-2");

        RosterImport again = preview("again.zip", bulk);
        assertThat(again.summary()).as("the file puts back Amélie's class and Claire's link, and takes Gabriel's from Amélie")
                .isEqualTo(new RosterSummary(0, 1, 4, 0, 1, 0, 1, 0));
        assertThat(setAside(again.id())).as("Paul, as the registry holds him, is set aside").isEqualTo(1);
        assertThat(settled(as(admin, () -> imports.confirm(again.id()))).status()).isEqualTo(RosterImport.Status.APPLIED);
        assertThat(as(admin, () -> people.find(amelie.id())).orElseThrow().className()).isEqualTo("07");
        assertThat(as(admin, () -> people.links(bastien))).extracting(g -> g.other().externalId()).containsExactlyInAnyOrder("g-1", "g-2");
        assertThat(as(admin, () -> people.links(amelie.id()))).extracting(g -> g.other().externalId()).containsExactly("g-1");
        assertThat(withoutFingerprint()).isEmpty();
        RosterImport same = preview("same.zip", bulk);
        assertThat(same.summary()).isEqualTo(new RosterSummary(0, 0, 5, 0, 0, 0, 0, 0));
        assertThat(setAside(same.id())).isEqualTo(5);

        // Gabriel's row drops Bastien, and Bastien becomes staff: both his links go, though Claire's row, unchanged,
        // still states hers: that statement is refused now, and said again by every import until the file changes.
        bulk.put("users.csv", bulk.get("users.csv").replace("g-2,,,true,org-1,parent,,,Gabriel,Roux,,,,,,s-2,,", "g-2,,,true,org-1,parent,,,Gabriel,Roux,,,,,,,,")
                .replace("s-2,,,true,org-1,student,bastien,,Bastien,Roux,,,,,,g-1,08,", "s-2,,,true,org-1,aide,bastien,,Bastien,Roux,,,,,,,,"));
        bulk.put("demographics.csv", "sourcedId,status,dateLastModified,birthDate,sex\ns-1,,,2013-05-04,female\n");
        RosterImport changed = preview("changed.zip", bulk);
        assertThat(changed.summary()).isEqualTo(new RosterSummary(0, 1, 4, 0, 0, 0, 2, 1));
        assertThat(as(admin, () -> imports.problems(changed.id(), 0, 10))).extracting(RosterProblem::line, RosterProblem::messageKey)
                .containsExactly(tuple(4L, "people.import.link.kinds"));
        assertThat(settled(as(admin, () -> imports.confirm(changed.id()))).status()).isEqualTo(RosterImport.Status.APPLIED);
        assertThat(as(admin, () -> people.find(bastien)).orElseThrow().kind()).isEqualTo(PersonKind.STAFF);
        assertThat(as(admin, () -> people.links(bastien))).isEmpty();
        assertThat(as(admin, () -> people.links(amelie.id()))).extracting(g -> g.other().externalId()).containsExactly("g-1");
        assertThat(withoutFingerprint()).as("Claire's row is looked at again next time").containsExactly("g-1");
        RosterImport refusedAgain = preview("changed-again.zip", bulk);
        assertThat(refusedAgain.summary()).isEqualTo(new RosterSummary(0, 0, 5, 0, 0, 0, 0, 1));
        assertThat(as(admin, () -> imports.problems(refusedAgain.id(), 0, 10))).extracting(RosterProblem::line, RosterProblem::messageKey)
                .containsExactly(tuple(4L, "people.import.link.kinds"));
    }

    /** The external ids of this school's people whose fingerprint the registry does not keep. */
    private List<String> withoutFingerprint() {
        return OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql(
                "select external_id from person where tenant_id = ? and import_fingerprint is null").param(school.id())
                .query(String.class).list());
    }

    /** How many of the rows a preview kept were set aside as the registry already holds them. */
    private long setAside(UUID importId) {
        return OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql(
                "select count(*) from roster_kept_person k, unnest(k.rows) r where k.import_id = ? and r.unchanged and r.given_name is null").param(importId)
                .query(Long.class).single());
    }

    private RosterImport preview(String name, Map<String, String> files) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                entries.putNextEntry(new ZipEntry("export/" + file.getKey()));
                entries.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                entries.closeEntry();
            }
        }
        return settled(as(admin, () -> imports.start(List.of(upload(zip)), RosterImport.Mode.CHANGES, null)));
    }

    @Test
    void badFilesAreRefusedWithAClearMessageAndNothingIsImported() throws IOException {
        Path png = dir.resolve("photo-de-classe.csv");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertThat(Refused.problems(() -> as(admin, () -> imports.start(List.of(upload(png)), RosterImport.Mode.CHANGES, null))))
                .containsEntry("file", "people.import.binary");

        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(RosterImports.MAX_BYTES + 1);
        }
        assertThat(Refused.problems(() -> as(admin, () -> imports.start(List.of(upload(huge)), RosterImport.Mode.CHANGES, null))))
                .containsEntry("file", "people.import.tooLarge");

        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("users.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 210; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertThat(Refused.problems(() -> as(admin, () -> imports.start(List.of(upload(bomb)), RosterImport.Mode.CHANGES, null))))
                .containsEntry("file", "people.import.zipBomb");

        RosterImport truncated = settled(as(admin, () -> imports.start(List.of(upload(write("cut.csv",
                "external_id,kind,given_name,family_name,birth_date\nE1,student,Ana,Lima,2013-01-01\nE2,student,\"Bea", StandardCharsets.UTF_8))),
                RosterImport.Mode.CHANGES, null)));
        assertThat(truncated.status()).isEqualTo(RosterImport.Status.REFUSED);
        assertThat(truncated.refusalKey()).isEqualTo("people.import.truncated");

        RosterImport wrongHeader = settled(as(admin, () -> imports.start(List.of(upload(write("export.csv",
                "Nom;Prénom;Classe\nLima;Ana;6e A\n", StandardCharsets.UTF_8))), RosterImport.Mode.CHANGES, null)));
        assertThat(wrongHeader.status()).isEqualTo(RosterImport.Status.REFUSED);
        assertThat(wrongHeader.refusalKey()).isEqualTo("people.import.header");
        assertThat(wrongHeader.refusalDetail()).isEqualTo("external_id, kind");

        Map<String, String> noManifest = Map.of("users.csv", "sourcedId,role,givenName,familyName\nu1,student,A,B\n");
        RosterImport oneRosterWithoutManifest = importZip("no-manifest.zip", noManifest);
        assertThat(oneRosterWithoutManifest.refusalKey()).isEqualTo("people.import.oneroster.manifest");

        assertThat(count()).isZero();
    }

    @Test
    void theTemplateImportsAsItIsAndAWrongEncodingIsMendedByReadingAgain() throws IOException {
        for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            Path template = dir.resolve("template-" + language + ".csv");
            Files.write(template, imports.template(language));
            RosterImport previewed = settled(as(admin, () -> imports.start(List.of(upload(template)), RosterImport.Mode.CHANGES, null)));
            assertThat(previewed.summary()).as(language.toString()).isEqualTo(new RosterSummary(3, 0, 0, 0, 1, 0, 0, 0));
        }

        Path sheet = write("oeuvray.csv", "identifiant;type;prénom;nom;date de naissance\r\nE1;élève;Noël;Œuvray;01/09/2012\r\n",
                WINDOWS_1252);
        RosterImport misread = settled(as(admin, () -> imports.start(List.of(upload(sheet)), RosterImport.Mode.CHANGES,
                TextEncoding.ISO_8859_1)));
        assertThat(as(admin, () -> imports.problems(misread.id(), 0, 10))).extracting(RosterProblem::field, RosterProblem::messageKey)
                .containsExactly(tuple("familyName", "people.name.control"));
        assertThat(as(admin, () -> imports.files(misread.id()))).extracting(RosterFile::detectedEncoding)
                .containsExactly(TextEncoding.WINDOWS_1252);

        RosterImport reread = settled(as(admin, () -> imports.reread(misread.id(), null)));
        assertThat(reread.summary()).isEqualTo(new RosterSummary(1, 0, 0, 0, 0, 0, 0, 0));
        settled(as(admin, () -> imports.confirm(reread.id())));
        assertThat(as(admin, () -> people.findByExternalId("E1")).orElseThrow().displayName()).isEqualTo("Noël Œuvray");
    }

    @Test
    void linksThatGoRoundInACircleOrJoinTheWrongKindsAreLeftOutAndNamed() {
        RosterImport previewed = settled(as(admin, () -> imports.start(List.of(upload(write("links.csv", """
                external_id,kind,given_name,family_name,birth_date,function,children
                G1,guardian,Anne,Un,,,G2
                G2,guardian,Bruno,Deux,,,G1
                G3,guardian,Carole,Trois,,,G3
                S1,student,Denis,Quatre,2014-02-02,,
                P1,staff,Eve,Cinq,,Surveillante,
                G4,guardian,Farid,Six,,,S1|P1
                """, StandardCharsets.UTF_8))), RosterImport.Mode.CHANGES, null)));
        assertThat(previewed.summary()).isEqualTo(new RosterSummary(6, 0, 0, 0, 1, 0, 0, 4));
        assertThat(as(admin, () -> imports.problems(previewed.id(), 0, 10)))
                .extracting(RosterProblem::line, RosterProblem::messageKey, RosterProblem::detail).containsExactly(
                        tuple(2L, "people.import.link.cycle", "G1 → G2"),
                        tuple(3L, "people.import.link.cycle", "G2 → G1"),
                        tuple(4L, "people.import.link.cycle", "G3 → G3"),
                        tuple(7L, "people.import.link.kinds", "G4 → P1"));
    }

    @Test
    void anotherInstitutionsImportIsNeitherSeenNorTouchedAndStaffCannotImport() throws IOException {
        RosterImport mine = settled(as(admin, () -> imports.start(List.of(upload(write("mine.csv",
                "external_id,kind,given_name,family_name,birth_date\nE1,student,Ana,Lima,2013-01-01\n", StandardCharsets.UTF_8))),
                RosterImport.Mode.CHANGES, null)));
        Tenant other = tenants.ensure("roster-other-" + suffix, "Autre " + suffix, "FR", "fr");
        UUID otherAdmin = member(other, "other-admin", TenantRole.ADMIN);
        assertThat(SignedInAs.inTenant(otherAdmin, other, () -> imports.find(mine.id()))).isEmpty();
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherAdmin, other, () -> imports.confirm(mine.id()))))
                .containsEntry("import", "people.import.unknown");
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherAdmin, other, () -> imports.problems(mine.id(), 0, 10))))
                .containsEntry("import", "people.import.unknown");
        assertThat(as(admin, () -> imports.find(mine.id())).orElseThrow().status()).isEqualTo(RosterImport.Status.PREVIEWED);

        UUID staff = member(school, "staff", TenantRole.STAFF);
        assertThatThrownBy(() -> as(staff, () -> imports.latest())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(staff, () -> imports.confirm(mine.id()))).isInstanceOf(AccessDeniedException.class);
    }

    private RosterImport importZip(String name, Map<String, String> files) throws IOException {
        RosterImport previewed = preview(name, files);
        if (previewed.status() != RosterImport.Status.PREVIEWED) {
            return previewed;
        }
        RosterImport applied = settled(as(admin, () -> imports.confirm(previewed.id())));
        assertThat(applied.status()).isEqualTo(RosterImport.Status.APPLIED);
        return applied;
    }

    /** A OneRoster 1.1 bulk set, as a zip holds it: the manifest, one school, these users and their birth dates. */
    private static Map<String, String> bulkSet(String users, String demographics) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", manifest("1.1", "bulk", "bulk"));
        files.put("orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\norg-1,,,Collège,school,,\n");
        files.put("users.csv", users);
        files.put("demographics.csv", demographics);
        return files;
    }

    private static String manifest(String version, String users, String demographics) {
        return "propertyName,value\nmanifest.version,1.0\noneroster.version," + version + "\nfile.orgs,bulk\nfile.users," + users
                + "\nfile.demographics," + demographics + "\nfile.classes,absent\nfile.enrollments,absent\n";
    }

    private RosterImport settled(RosterImport started) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !as(admin, () -> imports.find(started.id())).orElseThrow().status().working());
        return as(admin, () -> imports.find(started.id())).orElseThrow();
    }

    private long count() {
        return as(admin, () -> people.count(PeopleFilter.ALL));
    }

    private Path write(String name, String text, Charset charset) {
        Path file = dir.resolve(name);
        try {
            Files.write(file, text.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static RosterImports.Upload upload(Path file) {
        return new RosterImports.Upload(file.getFileName().toString(), file);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private UUID member(Tenant tenant, String role, TenantRole tenantRole) {
        UUID id = users.register(role + "-" + suffix + "@roster-school.example", role + " " + suffix);
        TenantContext.runAs(tenant.id(), () -> memberships.grant(id, tenantRole));
        return id;
    }

    private <T> T as(UUID person, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }

    private static Object run(Runnable work) {
        work.run();
        return null;
    }

    /** Rows that import steps went through, every institution together: what the operators' import rate counts. */
    private double importedRows(String step) {
        return metrics.find("tutela.roster.import.rows").tag("step", step).counters().stream().mapToDouble(Counter::count).sum();
    }
}
