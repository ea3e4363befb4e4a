package eu.tutela.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** How a Keycloak sign-in finds its portal user, against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalUsersIT {

    @Autowired
    PortalUsers users;

    @Test
    void aPersonRegisteredBeforeTheirFirstSignInIsBoundToTheirKeycloakAccount() {
        PortalUser registered = users.ensure("First.Sign-In@Example.org", "Fanny Premier", false);
        PortalUser signedIn = users.signedIn("subject-first", "first.sign-in@example.org", "Fanny Premier");
        assertThat(signedIn.id()).isEqualTo(registered.id());
        assertThat(users.signedIn("subject-first", "first.sign-in@example.org", "Fanny Premier").id()).isEqualTo(registered.id());
    }

    @Test
    void anUnknownPersonGetsAnIdentityWithoutAnyRights() {
        PortalUser stranger = users.signedIn("subject-stranger", "stranger@example.org", "Sam Stranger");
        assertThat(stranger.email()).isEqualTo("stranger@example.org");
        assertThat(stranger.platformOperator()).isFalse();
    }

    @Test
    void anotherKeycloakAccountWithTheSameEmailCannotTakeThePortalUserOver() {
        PortalUser owner = users.signedIn("subject-owner", "owner@example.org", "Olga Owner");
        assertThatThrownBy(() -> users.signedIn("subject-intruder", "OWNER@example.org", "Ivan Intruder"))
                .isInstanceOf(IdentityConflictException.class);
        assertThat(users.findByEmail("owner@example.org").orElseThrow().id()).isEqualTo(owner.id());
        assertThat(users.findByEmail("owner@example.org").orElseThrow().displayName()).isEqualTo("Olga Owner");
    }
}
