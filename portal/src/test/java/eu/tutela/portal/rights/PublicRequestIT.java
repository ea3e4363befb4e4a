package eu.tutela.portal.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.security.SignedInAs;
import eu.tutela.portal.support.CaughtMail;
import eu.tutela.portal.support.OwnerDatabase;
import eu.tutela.portal.support.Refused;
import eu.tutela.portal.support.School;
import eu.tutela.portal.tenancy.TenantRole;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The public form against the real database and SMTP server: a former student proves her address with the code she
 * receives and her request reaches the DPO, who confirms her identity and finds her in the registry; five wrong codes
 * void a code, an old one expires, a flood is refused, another institution's code is unknown, and bad input stores
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicRequestIT {

    private static final Pattern CODE = Pattern.compile("(?:Votre code est|Your code is) (\\d{6})");

    @Autowired
    ApplicationContext context;
    @Autowired
    PublicRequests form;
    @Autowired
    RequestHandling handling;
    @Autowired
    People people;
    @Autowired
    Environment env;

    School school;
    UUID dpo;

    @BeforeEach
    void aSchool() {
        school = new School(context, "public-form", "Lycée Public");
        dpo = school.member("dpo", TenantRole.DPO);
    }

    @AfterEach
    void signOut() {
        SignedInAs.nobody();
    }

    @Test
    void aFormerStudentProvesHerAddressAndTheDpoConfirmsWhoSheIs() {
        Person former = school.register(PersonKind.STUDENT, "Julie", "Ancienne", LocalDate.of(2001, 5, 2), "julie-old");
        school.run(school.admin, () -> people.setActive(former.id(), false));
        String address = school.mail("julie");
        UUID check = form.start(school.tenant.slug(), new PublicRequests.Form(" Julie Ancienne ", address.toUpperCase(), RequestType.ACCESS,
                "J’étais en 5e A en 2013.", "fr"));
        String code = codeSentTo(address);
        assertThat(queue()).as("no request before the code").isZero();

        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(Refused.problems(() -> form.confirm(school.tenant.slug(), check, wrong))).containsEntry("code", "rights.public.code.wrong");
        RightsRequest received = form.confirm(school.tenant.slug(), check, code);
        assertThat(received.status()).isEqualTo(RequestStatus.IDENTITY_TO_VERIFY);
        assertThat(received.source()).isEqualTo(RightsRequest.RequestSource.PUBLIC_FORM);
        assertThat(received.requesterEmail()).isEqualTo(address);
        assertThat(received.requesterName()).isEqualTo("Julie Ancienne");
        assertThat(Refused.problems(() -> form.confirm(school.tenant.slug(), check, code))).containsEntry("code", "rights.public.code.used");
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.to(address).stream()
                .anyMatch(m -> CaughtMail.text(m).contains(received.reference()) && CaughtMail.text(m).contains("a bien été reçue")));
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.to(school.mail("dpo")).stream()
                .anyMatch(m -> CaughtMail.text(m).contains(received.reference())));

        assertThat(school.as(dpo, () -> handling.queue(true))).extracting(RightsRequest::reference, RightsRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(received.reference(), RequestStatus.IDENTITY_TO_VERIFY));
        school.run(dpo, () -> handling.verifyIdentity(received.id(), "Carte d’identité montrée à l’accueil le 3 décembre."));
        school.run(dpo, () -> handling.linkSubject(received.id(), former.id()));
        RightsRequest linked = school.as(dpo, () -> handling.find(received.id())).orElseThrow().request();
        assertThat(linked.subjectId()).isEqualTo(former.id());
        assertThat(linked.subjectName()).isEqualTo("Julie Ancienne");
        assertThat(linked.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(Refused.problems(() -> school.run(dpo, () -> handling.linkSubject(received.id(), former.id()))))
                .containsEntry("request", "rights.subject.alreadyLinked");
    }

    @Test
    void fiveWrongCodesVoidTheCodeAndAnOldOneExpires() {
        String address = school.mail("guess");
        UUID check = form.start(school.tenant.slug(), new PublicRequests.Form("Devin Devine", address, RequestType.QUESTION, "Une question.", "fr"));
        String code = codeSentTo(address);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i < PublicRequests.WRONG_CODES_ALLOWED; i++) {
            assertThat(Refused.problems(() -> form.confirm(school.tenant.slug(), check, wrong))).containsEntry("code", "rights.public.code.wrong");
        }
        assertThat(Refused.problems(() -> form.confirm(school.tenant.slug(), check, "abc"))).containsEntry("code", "rights.public.code.tooMany");
        assertThat(Refused.problems(() -> form.confirm(school.tenant.slug(), check, code))).as("even the right one, now")
                .containsEntry("code", "rights.public.code.tooMany");

        String late = school.mail("late");
        UUID old = form.start(school.tenant.slug(), new PublicRequests.Form("Lent Tardif", late, RequestType.ACCESS, "", "en"));
        String lateCode = codeSentTo(late);
        OwnerDatabase.inTenant(env, school.tenant.id(), owner -> owner.sql(
                "update rights_address_check set expires_at = now() - interval '1 minute' where id = ?").param(old).update());
        assertThat(Refused.problems(() -> form.confirm(school.tenant.slug(), old, lateCode))).containsEntry("code", "rights.public.code.expired");
        assertThat(queue()).isZero();
    }

    @Test
    void aFloodIsRefusedByAddressThenForTheWholeForm() {
        String address = school.mail("flood");
        for (int i = 0; i < PublicRequests.CODES_PER_ADDRESS_PER_HOUR; i++) {
            form.start(school.tenant.slug(), new PublicRequests.Form("Flot Continu", address, RequestType.ACCESS, "", "fr"));
        }
        assertThat(Refused.problems(() -> form.start(school.tenant.slug(), new PublicRequests.Form("Flot Continu", address, RequestType.ACCESS,
                "", "fr")))).containsEntry("email", "rights.public.tooMany");
        for (int i = PublicRequests.CODES_PER_ADDRESS_PER_HOUR; i < PublicRequests.CODES_PER_INSTITUTION_PER_HOUR; i++) {
            form.start(school.tenant.slug(), new PublicRequests.Form("Flot Continu", school.mail("flood" + i), RequestType.ACCESS, "", "fr"));
        }
        assertThat(Refused.problems(() -> form.start(school.tenant.slug(), new PublicRequests.Form("Flot Continu", school.mail("one-more"),
                RequestType.ACCESS, "", "fr")))).containsEntry("form", "rights.public.busy");
        School other = new School(context, "public-form-other", "Collège Voisin");
        form.start(other.tenant.slug(), new PublicRequests.Form("Flot Continu", school.mail("one-more"), RequestType.ACCESS, "", "fr"));
    }

    @Test
    void anotherInstitutionsCodeAndBadInputAreRefusedAndStoreNothing() {
        String address = school.mail("cross");
        UUID check = form.start(school.tenant.slug(), new PublicRequests.Form("Croisé Ailleurs", address, RequestType.ERASURE, "", "fr"));
        String code = codeSentTo(address);
        School other = new School(context, "public-form-elsewhere", "Collège Ailleurs");
        assertThat(Refused.problems(() -> form.confirm(other.tenant.slug(), check, code))).containsEntry("code", "rights.public.code.unknown");
        assertThat(Refused.problems(() -> form.confirm("no-such-school", check, code))).containsEntry("institution", "rights.public.unknownInstitution");

        assertThat(Refused.problems(() -> form.start(school.tenant.slug(), new PublicRequests.Form("<script>alert(1)</script>", "pas une adresse",
                null, "x".repeat(5001), "fr"))))
                .containsEntry("name", "people.name.markup").containsEntry("email", "rights.public.email")
                .containsEntry("type", "rights.type.required").containsEntry("details", "rights.text.tooLong");
        long checks = OwnerDatabase.inTenant(env, school.tenant.id(), owner -> owner.sql("select count(*) from rights_address_check")
                .query(Long.class).single());
        assertThat(checks).as("only the first, valid one").isEqualTo(1);
        assertThat(queue()).isZero();
        assertThat(form.confirm(school.tenant.slug(), check, code).type()).isEqualTo(RequestType.ERASURE);
    }

    private String codeSentTo(String address) {
        await().atMost(Duration.ofSeconds(30)).until(() -> CaughtMail.to(address).stream().anyMatch(m -> CODE.matcher(CaughtMail.text(m)).find()));
        String text = CaughtMail.to(address).stream().map(CaughtMail::text).filter(t -> CODE.matcher(t).find()).reduce((a, b) -> b).orElseThrow();
        Matcher matcher = CODE.matcher(text);
        matcher.find();
        return matcher.group(1);
    }

    private long queue() {
        return school.as(dpo, () -> handling.queue(true)).size();
    }
}
