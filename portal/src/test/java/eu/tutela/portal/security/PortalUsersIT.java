package eu.tutela.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import eu.tutela.portal.support.OwnerDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** How a Keycloak sign-in finds its portal user, against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalUsersIT {

    @Autowired
    PortalUsers users;
    @Autowired
    Environment env;
    JdbcClient owner;

    @BeforeEach
    void ownersView() {
        owner = OwnerDatabase.of(env);
    }

    @Test
    void aPersonRegisteredBeforeTheirFirstSignInIsBoundToTheirKeycloakAccount() {
        UUID registered = users.register("First.Sign-In@Example.org", "Fanny Premier");
        PortalUser signedIn = users.signedIn("subject-first", "first.sign-in@example.org", true, "Fanny Premier");
        assertThat(signedIn.id()).isEqualTo(registered);
        assertThat(users.signedIn("subject-first", "first.sign-in@example.org", true, "Fanny Premier").id()).isEqualTo(registered);
        assertThat(owner.sql("select subject from app_user where id = ?").param(registered).query(String.class).single())
                .isEqualTo("subject-first");
    }

    @Test
    void anUnknownPersonGetsAnIdentityWithoutAnyRights() {
        PortalUser stranger = users.signedIn("subject-stranger", "stranger@example.org", true, "Sam Stranger");
        assertThat(stranger.email()).isEqualTo("stranger@example.org");
        assertThat(stranger.platformOperator()).isFalse();
    }

    @Test
    void anAccountPresentingAnUnverifiedEmailTakesNothingOverNotEvenAnOperatorsRecord() {
        UUID operator = users.register("ops@unverified.example", "Olivia Ops");
        users.setPlatformOperator(operator, true);
        assertThatThrownBy(() -> users.signedIn("subject-squatter", "OPS@unverified.example", false, "Sly Squatter"))
                .isInstanceOf(IdentityConflictException.class)
                .extracting(e -> ((IdentityConflictException) e).reason()).isEqualTo(SignInRefusal.UNVERIFIED_EMAIL);

        // The real owner, once verified, still gets the record and its rights.
        PortalUser realOwner = users.signedIn("subject-ops", "ops@unverified.example", true, "Olivia Ops");
        assertThat(realOwner.id()).isEqualTo(operator);
        assertThat(realOwner.platformOperator()).isTrue();
        assertThatThrownBy(() -> users.signedIn("subject-squatter", "ops@unverified.example", true, "Sly Squatter"))
                .isInstanceOf(IdentityConflictException.class);
    }

    @Test
    void anUnverifiedEmailDoesNotEvenClaimANewRecord() {
        assertThatThrownBy(() -> users.signedIn("subject-early", "nobody-yet@unverified.example", false, "Early Bird"))
                .isInstanceOf(IdentityConflictException.class);
        assertThat(owner.sql("select count(*) from app_user where email = 'nobody-yet@unverified.example'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void twoTabsFinishingOnePersonsFirstSignInAtOnceBothSucceedWithOneRecord() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<UUID> signIn = () -> {
            together.await();
            return users.signedIn("subject-twice", "twice@example.org", true, "Tom Twice").id();
        };
        try (ExecutorService tabs = Executors.newFixedThreadPool(2)) {
            Future<UUID> first = tabs.submit(signIn);
            Future<UUID> second = tabs.submit(signIn);
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(second.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void anotherKeycloakAccountWithTheSameEmailCannotTakeThePortalUserOver() {
        PortalUser olga = users.signedIn("subject-owner", "owner@example.org", true, "Olga Owner");
        assertThatThrownBy(() -> users.signedIn("subject-intruder", "OWNER@example.org", true, "Ivan Intruder"))
                .isInstanceOf(IdentityConflictException.class)
                .extracting(e -> ((IdentityConflictException) e).reason()).isEqualTo(SignInRefusal.EMAIL_TAKEN);
        assertThat(owner.sql("select id, subject, display_name from app_user where email = 'owner@example.org'")
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single())
                .containsExactly(olga.id().toString(), "subject-owner", "Olga Owner");
    }
}
