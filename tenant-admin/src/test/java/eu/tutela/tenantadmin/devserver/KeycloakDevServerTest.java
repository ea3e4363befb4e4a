package eu.tutela.tenantadmin.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process handling without a Keycloak: what can be checked with plain child processes. */
class KeycloakDevServerTest {

    @TempDir
    Path temp;

    @Test
    void aMissingDistributionIsReportedWithItsPathAndTheRemedy() {
        Settings settings = Settings.ephemeral(18080, 19080)
                .withDistributionHome(temp.resolve("nowhere"))
                .withDataDirectory(temp.resolve("data"));
        assertThatThrownBy(() -> KeycloakDevServer.start(settings))
                .isInstanceOf(KeycloakStartException.class)
                .hasMessageContaining(temp.resolve("nowhere").toString())
                .hasMessageContaining("generate-resources")
                .hasMessageContaining(Settings.KEYCLOAK_HOME_PROPERTY);
    }

    @Test
    void stopsAWholeProcessTree() throws Exception {
        Process parent = new ProcessBuilder("/bin/sh", "-c", "sleep 120 & sleep 120 & wait").start();
        try {
            waitFor(() -> parent.toHandle().descendants().count() == 2);
            List<ProcessHandle> children = parent.toHandle().descendants().toList();

            KeycloakDevServer.stopProcessTree(parent.toHandle(), Duration.ofSeconds(5));

            assertThat(parent.isAlive()).isFalse();
            assertThat(children).noneMatch(ProcessHandle::isAlive);
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void killsWhatIgnoresSigtermAfterTheGracePeriod() throws Exception {
        Process stubborn = new ProcessBuilder("/bin/sh", "-c", "trap '' TERM; while true; do sleep 1; done").start();
        try {
            Thread.sleep(300); // let the trap be installed
            long start = System.nanoTime();
            KeycloakDevServer.stopProcessTree(stubborn.toHandle(), Duration.ofSeconds(1));
            assertThat(stubborn.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        } finally {
            stubborn.destroyForcibly();
        }
    }

    @Test
    void aPidFileWhosePidNowBelongsToAnotherProgramIsNotObeyedEvenIfItsNameSaysKeycloak() throws Exception {
        // The pid was reused: same number, another start time. Its name proves nothing.
        Process unrelated = new ProcessBuilder("/bin/sh", "-c", "sleep 60", "keycloak-lookalike").start();
        try {
            Path pidFile = temp.resolve(KeycloakDevServer.PID_FILE_NAME);
            Files.writeString(pidFile, unrelated.pid() + " 1000\n");
            KeycloakDevServer.stopLeftover(pidFile, Duration.ofSeconds(1));
            assertThat(unrelated.isAlive()).isTrue();
            assertThat(pidFile).doesNotExist();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aLeftoverRecordedWithItsPidAndStartTimeIsStopped() throws Exception {
        Process leftover = new ProcessBuilder("sleep", "60").start();
        try {
            Path pidFile = temp.resolve(KeycloakDevServer.PID_FILE_NAME);
            Files.writeString(pidFile, KeycloakDevServer.pidLine(leftover.toHandle()) + "\n");
            KeycloakDevServer.stopLeftover(pidFile, Duration.ofSeconds(1));
            assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).as("the leftover was stopped").isTrue();
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void theWatchdogStopsTheServerWhenItsParentDiesHard() throws Exception {
        // A stand-in parent JVM: a shell that starts the "server" and its watchdog, then is killed with -9.
        Path pids = temp.resolve("server.pid");
        String script = "sleep 120 & echo $! > '" + pids + "'; wait";
        Process parent = new ProcessBuilder("/bin/sh", "-c", script).start();
        long serverPid = awaitPid(pids);
        Process watchdog = ParentWatchdog.guard(parent.pid(), serverPid, "sleep", "TERM");
        try {
            assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive)).contains(true);
            new ProcessBuilder("kill", "-9", Long.toString(parent.pid())).start().waitFor();
            assertThat(watchdog.waitFor(20, TimeUnit.SECONDS)).as("the watchdog ends").isTrue();
            assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false)).as("server alive").isFalse();
        } finally {
            ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroyForcibly);
            watchdog.destroyForcibly();
        }
    }

    private static long awaitPid(Path file) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (Files.isRegularFile(file) && !Files.readString(file).isBlank()) {
                return Long.parseLong(Files.readString(file).trim());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no pid in " + file);
    }

    @Test
    void tailGivesTheLastLines() throws Exception {
        Path log = temp.resolve("k.log");
        Files.writeString(log, "one\ntwo\nthree\nfour\n");
        assertThat(KeycloakDevServer.tail(log, 2)).containsExactly("three", "four");
        assertThat(KeycloakDevServer.tail(temp.resolve("absent.log"), 2)).containsExactly("(no log file)");
    }

    @Test
    void aKeycloakThatDiesIsReportedWithItsLogFileAndLastLines() throws Exception {
        Settings settings = fakeDistribution("echo 'starting'; echo 'ERROR: boom, the database is locked' >&2; exit 3");
        try (KeycloakDevServer server = KeycloakDevServer.start(settings)) {
            assertThatThrownBy(() -> server.awaitReady(Duration.ofSeconds(30)))
                    .isInstanceOf(KeycloakStartException.class)
                    .hasMessageContaining("exited with code 3")
                    .hasMessageContaining(settings.dataDirectory().resolve(KeycloakDevServer.LOG_FILE_NAME).toString())
                    .hasMessageContaining("ERROR: boom, the database is locked");
            assertThat(server.isReady()).isFalse();
        }
    }

    @Test
    void aKeycloakThatNeverGetsReadyTimesOutWithItsLog() throws Exception {
        Settings settings = fakeDistribution("echo 'still augmenting'; exec sleep 300");
        try (KeycloakDevServer server = KeycloakDevServer.start(settings)) {
            assertThatThrownBy(() -> server.awaitReady(Duration.ofSeconds(2)))
                    .isInstanceOf(KeycloakStartException.class)
                    .hasMessageContaining("within PT2S")
                    .hasMessageContaining("still augmenting");
        }
    }

    @Test
    void closeStopsTheTreeAndANewStartStopsALeftover() throws Exception {
        Settings settings = fakeDistribution("sleep 300 & sleep 300 & wait");
        KeycloakDevServer leftover = KeycloakDevServer.start(settings);
        waitFor(() -> leftover.isAlive() && ProcessHandle.of(leftover.pid()).orElseThrow().descendants().count() == 2);
        List<ProcessHandle> leftoverTree = java.util.stream.Stream.concat(
                java.util.stream.Stream.of(ProcessHandle.of(leftover.pid()).orElseThrow()),
                ProcessHandle.of(leftover.pid()).orElseThrow().descendants()).toList();
        assertThat(Files.readString(leftover.pidFile()).trim()).startsWith(leftover.pid() + " ");

        KeycloakDevServer next = KeycloakDevServer.start(settings); // same data directory: stops the leftover first
        try {
            assertThat(leftoverTree).noneMatch(ProcessHandle::isAlive);
            waitFor(() -> ProcessHandle.of(next.pid()).orElseThrow().descendants().count() == 2);
            List<ProcessHandle> nextTree = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(ProcessHandle.of(next.pid()).orElseThrow()),
                    ProcessHandle.of(next.pid()).orElseThrow().descendants()).toList();
            next.close();
            assertThat(nextTree).noneMatch(ProcessHandle::isAlive);
            assertThat(next.pidFile()).doesNotExist();
        } finally {
            next.close();
            leftover.close();
        }
    }

    @Test
    void aTakenPortIsReportedBeforeSpawning() throws Exception {
        Settings settings = fakeDistribution("exit 0");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(settings.httpPort(), 1,
                java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> KeycloakDevServer.start(settings))
                    .isInstanceOf(KeycloakStartException.class)
                    .hasMessageContaining("port " + settings.httpPort());
        }
    }

    /** A stand-in for the distribution whose bin/kc.sh runs the given shell code. */
    private Settings fakeDistribution(String script) throws Exception {
        Path home = temp.resolve("fake-keycloak-" + System.nanoTime());
        Files.createDirectories(home.resolve("bin"));
        Path kcSh = home.resolve("bin").resolve("kc.sh");
        Files.writeString(kcSh, "#!/bin/sh\n" + script + "\n");
        kcSh.toFile().setExecutable(true);
        int[] ports = FreePorts.find(2);
        return Settings.ephemeral(ports[0], ports[1]).withDistributionHome(home)
                .withDataDirectory(temp.resolve("data-" + System.nanoTime()))
                .withStopGracePeriod(Duration.ofSeconds(5));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(50);
        }
    }
}
