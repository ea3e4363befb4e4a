package eu.tutela.portal.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.tenancy.Memberships;
import eu.tutela.portal.tenancy.Tenant;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantDirectory;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * The registry against the real database: people registered, found whatever the accents, minors by the
 * institution's age of digital consent on its calendar, guardians linked, every change audited, bad input
 * refused field by field, staff seeing names only, and nothing across institutions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PeopleRegistryIT {

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
    TenantSettingsService settings;

    Tenant school;
    String suffix;
    UUID admin;
    UUID staff;

    @BeforeEach
    void aSchool() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        // France: the age of digital consent is 15 (shared/reference/gdpr-facts.md).
        school = tenants.ensure("people-" + suffix, "Collège Registre " + suffix, "FR", "fr");
        admin = member("admin", TenantRole.ADMIN);
        staff = member("staff", TenantRole.STAFF);
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void registeredPeopleAreFoundWhateverTheAccentsAndMinorsFollowTheInstitutionsCalendar() {
        LocalDate today = LocalDate.now(as(admin, () -> settings.current().timeZone()));
        Person helene = as(admin, () -> people.register(student("Hélène", "Dupré", today.minusYears(15).plusDays(1), "4e B", "EXT-1")));
        Person fifteen = as(admin, () -> people.register(student("Zoé", "Lœvenbruck", today.minusYears(15), "3e A", "EXT-2")));
        Person parent = as(admin, () -> people.register(new PersonDetails(PersonKind.GUARDIAN, "Marc", "Dupré", null, null,
                "marc.dupre@example.org", "+33 6 12 34 56 78", "fr", null, "EXT-3")));

        // Fourteen, the day before the fifteenth birthday: a minor. Fifteen today: no longer.
        assertThat(helene.minor()).isTrue();
        assertThat(fifteen.minor()).isFalse();
        assertThat(as(admin, () -> people.search(new PeopleFilter("helene", null, null, null, null), PeopleSort.NAME, 0, 10)))
                .extracting(Person::displayName).containsExactly("Hélène Dupré");
        assertThat(as(admin, () -> people.search(new PeopleFilter("LOEVEN", null, null, null, null), PeopleSort.NAME, 0, 10)))
                .extracting(Person::displayName).containsExactly("Zoé Lœvenbruck");
        assertThat(as(admin, () -> people.search(new PeopleFilter("dupre", null, null, null, null), PeopleSort.NAME, 0, 10)))
                .extracting(Person::displayName).containsExactly("Hélène Dupré", "Marc Dupré");
        assertThat(as(admin, () -> people.search(new PeopleFilter(null, PersonKind.STUDENT, null, true, null), PeopleSort.NAME, 0, 10)))
                .extracting(Person::id).containsExactly(helene.id());
        assertThat(as(admin, () -> people.count(new PeopleFilter(null, null, "3e A", null, null)))).isEqualTo(1);
        assertThat(as(admin, () -> people.search(new PeopleFilter("%", null, null, null, null), PeopleSort.NAME, 0, 10))).isEmpty();

        // A guardian linked; seen from both sides; the link and every change in the audit trail.
        as(admin, () -> run(() -> people.link(parent.id(), helene.id(), Relationship.FATHER, true)));
        assertThat(as(admin, () -> people.links(helene.id()))).singleElement().satisfies(link -> {
            assertThat(link.other().displayName()).isEqualTo("Marc Dupré");
            assertThat(link.relationship()).isEqualTo(Relationship.FATHER);
            assertThat(link.parentalResponsibility()).isTrue();
        });
        assertThat(as(admin, () -> people.links(parent.id()))).extracting(l -> l.other().displayName()).containsExactly("Hélène Dupré");
        assertThat(Refused.problems(() -> as(admin, () -> run(() -> people.link(helene.id(), parent.id(), Relationship.MOTHER, true)))))
                .containsEntry("guardian", "people.link.notGuardian");
        as(admin, () -> people.update(helene.id(), student("Hélène", "Dupré-Martin", helene.birthDate(), "4e C", "EXT-1")));
        as(admin, () -> run(() -> people.setActive(fifteen.id(), false)));
        assertThat(as(admin, () -> people.count(new PeopleFilter(null, null, null, null, true)))).isEqualTo(2);
        List<String> audited = OwnerDatabase.inTenant(env, school.id(), owner -> owner.sql(
                "select action || ' ' || coalesce(subject_label, '') from audit_entry order by seq").query(String.class).list());
        assertThat(audited).contains("person.registered Hélène Dupré", "guardianship.linked Hélène Dupré",
                "person.updated Hélène Dupré-Martin", "person.deactivated Zoé Lœvenbruck");

        // Staff see names, class and links; not birth dates, contacts or ids; and change nothing.
        Person seenByStaff = as(staff, () -> people.find(helene.id())).orElseThrow();
        assertThat(seenByStaff.className()).isEqualTo("4e C");
        assertThat(seenByStaff.birthDate()).isNull();
        assertThat(seenByStaff.externalId()).isNull();
        assertThat(seenByStaff.minor()).isTrue();
        assertThat(as(staff, () -> people.links(helene.id()))).singleElement()
                .satisfies(link -> assertThat(link.other().email()).isNull());
        assertThatThrownBy(() -> as(staff, () -> people.register(student("Paul", "Tiers", today.minusYears(12), "6e A", null))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        LocalDate today = LocalDate.now(as(admin, () -> settings.current().timeZone()));
        assertThat(Refused.problems(() -> as(admin, () -> people.register(new PersonDetails(PersonKind.STUDENT, "<script>alert(1)</script>", " ",
                today.plusDays(1), "6e A", "not-an-address", "call me", "de", null, null))))).isEqualTo(Map.of(
                "givenName", "people.name.markup", "familyName", "people.name.required", "birthDate", "people.birthDate.future",
                "email", "people.email.invalid", "phone", "people.phone.invalid", "language", "people.language.invalid"));
        assertThat(Refused.problems(() -> as(admin, () -> people.register(student("Ancien", "Élève", LocalDate.of(1850, 1, 1), null, null)))))
                .containsEntry("birthDate", "people.birthDate.tooOld");
        assertThat(Refused.problems(() -> as(admin, () -> people.register(student("Sans", "Date", null, null, null)))))
                .containsEntry("birthDate", "people.birthDate.required");
        as(admin, () -> people.register(student("Premier", "Élève", today.minusYears(11), "6e A", "DUP-1")));
        assertThat(Refused.problems(() -> as(admin, () -> people.register(student("Second", "Élève", today.minusYears(11), "6e A", "DUP-1")))))
                .containsEntry("externalId", "people.externalId.taken");
        assertThat(as(admin, () -> people.count(PeopleFilter.ALL))).isEqualTo(1);
    }

    @Test
    void anotherInstitutionSeesAndChangesNothingOfThisOne() {
        Person pupil = as(admin, () -> people.register(student("Inès", "Privée", LocalDate.now().minusYears(12), "5e A", "P-1")));
        Tenant other = tenants.ensure("people-other-" + suffix, "Autre Collège " + suffix, "BE", "fr");
        UUID otherAdmin = users.register("admin-" + suffix + "@other-people.example", "Olga Other");
        TenantContext.runAs(other.id(), () -> memberships.grant(otherAdmin, TenantRole.ADMIN));

        assertThat(SignedInAs.inTenant(otherAdmin, other, () -> people.find(pupil.id()))).isEmpty();
        assertThat(SignedInAs.inTenant(otherAdmin, other, () -> people.count(PeopleFilter.ALL))).isZero();
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherAdmin, other, () -> people.update(pupil.id(),
                student("Inès", "Volée", pupil.birthDate(), "5e A", "P-1"))))).containsEntry("person", "people.unknown");
        assertThat(Refused.problems(() -> SignedInAs.inTenant(otherAdmin, other, () -> run(() -> people.setActive(pupil.id(), false)))))
                .containsEntry("person", "people.unknown");
        SignedInAs.person(otherAdmin, other.slug());
        assertThatThrownBy(() -> TenantContext.callAs(school.id(), () -> people.find(pupil.id()))).isInstanceOf(AccessDeniedException.class);
        SignedInAs.nobody();
        assertThat(as(admin, () -> people.find(pupil.id())).orElseThrow().familyName()).isEqualTo("Privée");
    }

    @Test
    void theFilteredListIsExportedWithFormulasKeptAsTextAndOnlyByAdministrators() {
        LocalDate today = LocalDate.now(as(admin, () -> settings.current().timeZone()));
        as(admin, () -> people.register(student("Zoé", "=HYPERLINK(\"http://evil.example\")", today.minusYears(13), "4e B", "X-1")));
        as(admin, () -> people.register(student("Léon", "Autre", today.minusYears(12), "5e A", "X-2")));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        as(admin, () -> run(() -> people.exportCsv(new PeopleFilter(null, PersonKind.STUDENT, "4e B", null, null), key -> key, csv)));
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("\uFEFFpeople.externalId,people.kind,people.familyName,people.givenName,people.birthDate");
        assertThat(lines.get(1)).startsWith("X-1,people.kind.STUDENT,\"'=HYPERLINK(\"\"http://evil.example\"\")\",Zoé,"
                + today.minusYears(13) + ",people.minor,4e B");
        assertThatThrownBy(() -> as(staff, () -> run(() -> people.exportCsv(PeopleFilter.ALL, key -> key, new ByteArrayOutputStream()))))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static PersonDetails student(String given, String family, LocalDate birth, String className, String externalId) {
        return new PersonDetails(PersonKind.STUDENT, given, family, birth, className, null, null, "fr", null, externalId);
    }

    private UUID member(String role, TenantRole tenantRole) {
        UUID id = users.register(role + "-" + suffix + "@people-school.example", role + " " + suffix);
        TenantContext.runAs(school.id(), () -> memberships.grant(id, tenantRole));
        return id;
    }

    private <T> T as(UUID person, Supplier<T> work) {
        return SignedInAs.inTenant(person, school, work);
    }

    private static Object run(Runnable work) {
        work.run();
        return null;
    }
}
