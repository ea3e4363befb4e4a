package eu.tutela.tenantadmin.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import eu.tutela.tenantadmin.SharedKeycloak;
import eu.tutela.tenantadmin.keycloak.KeycloakDirectory;
import eu.tutela.tenantadmin.keycloak.RealmSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A persistent Keycloak next to the shared ephemeral one (as a dev run next to a test run): data survives a restart,
 * a start stops what a previous run left behind on the same data directory, and close leaves no process alive.
 */
@ExtendWith(SharedKeycloak.class)
class KeycloakDevServerIT {

    @Test
    void persistentDataSurvivesARestartLeftoversAreStoppedAndCloseLeavesNoProcess() throws Exception {
        assertThat(SharedKeycloak.server().isReady()).isTrue(); // the other one runs meanwhile
        int[] ports = FreePorts.find(2);
        Settings settings = Settings.persistent().withPorts(ports[0], ports[1])
                .withDataDirectory(SharedKeycloak.itDataDirectory("persistent"));
        deleteRecursively(settings);

        KeycloakDevServer first = KeycloakDevServer.start(settings);
        Duration firstReady = first.awaitReady(SharedKeycloak.READY_TIMEOUT);
        System.out.println("KEYCLOAK persistent server, fresh data directory: ready after " + firstReady.toMillis() + " ms");
        assertThat(first.isReady()).isTrue();
        assertThat(Files.readAllLines(first.pidFile())).first().asString().startsWith(first.pid() + " ");
        assertThat(Files.readAllLines(first.pidFile()).stream().map(line -> line.split(" ")[0]).toList())
                .containsAll(treeOf(first.pid()).stream().map(h -> Long.toString(h.pid())).toList());
        try (KeycloakDirectory directory = new KeycloakDirectory(first.baseUrl(), "admin", "admin")) {
            assertThat(directory.serverVersion()).as("the server that runs is the one the build names")
                    .isEqualTo(Settings.keycloakServerVersion());
            directory.ensureRealm(RealmSpec.tutelaOnLoopback("persistent-secret"));
            directory.ensureOrganization("survivor", "Survivor school");
        }
        // The shared ephemeral server does not see it: separate databases.
        SharedKeycloak.directory().ensureRealm(RealmSpec.tutelaOnLoopback("shared-secret"));
        assertThat(SharedKeycloak.directory().findOrganization("survivor")).isEmpty();

        // Simulate a run that died without closing: the next start on the same data directory stops it first.
        long firstPid = first.pid();
        List<ProcessHandle> firstTree = treeOf(firstPid);
        KeycloakDevServer second = KeycloakDevServer.start(settings);
        try {
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
            Duration secondReady = second.awaitReady(SharedKeycloak.READY_TIMEOUT);
            System.out.println("KEYCLOAK persistent server, second start: ready after " + secondReady.toMillis() + " ms");
            try (KeycloakDirectory directory = new KeycloakDirectory(second.baseUrl(), "admin", "admin")) {
                assertThat(directory.findOrganization("survivor")).isPresent();
            }
        } finally {
            List<ProcessHandle> secondTree = treeOf(second.pid());
            second.close();
            assertThat(second.isAlive()).isFalse();
            assertThat(ProcessHandle.of(second.pid()).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
            assertThat(secondTree).noneMatch(ProcessHandle::isAlive);
            assertThat(firstTree).noneMatch(ProcessHandle::isAlive);
            assertThat(second.pidFile()).doesNotExist();
            assertThat(second.isReady()).isFalse();
            first.close(); // already dead: a no-op that must not fail
        }
    }

    private static List<ProcessHandle> treeOf(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants()).toList();
    }

    private static void deleteRecursively(Settings settings) throws Exception {
        if (Files.exists(settings.dataDirectory())) {
            try (var walk = Files.walk(settings.dataDirectory())) {
                for (var p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
