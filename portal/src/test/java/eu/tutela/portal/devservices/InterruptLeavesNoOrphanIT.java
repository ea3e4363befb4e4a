package eu.tutela.portal.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Starts the portal as its own process, with the embedded PostgreSQL, Keycloak and SMTP server,
 * ends it as Ctrl-C does, or as {@code kill -9} does, and checks that every process it started is gone.
 */
class InterruptLeavesNoOrphanIT {

    private static final Path WORK = Path.of("target", "interrupt-it").toAbsolutePath();

    @Test
    void interruptingThePortalStopsPostgresAndKeycloakToo() throws Exception {
        endThePortalAndCheckNothingIsLeft("interrupt", pid -> interrupt(pid), Duration.ofSeconds(30));
    }

    @Test
    void killingThePortalHardStillStopsPostgresAndKeycloak() throws Exception {
        // kill -9 runs no shutdown hook: the watchdogs the portal left beside its servers stop them.
        endThePortalAndCheckNothingIsLeft("kill9", pid -> new ProcessBuilder("kill", "-9", Long.toString(pid))
                .inheritIO().start().waitFor(), Duration.ofSeconds(60));
    }

    interface Ending {
        void end(long pid) throws Exception;
    }

    private static void endThePortalAndCheckNothingIsLeft(String name, Ending ending, Duration patience) throws Exception {
        Path home = WORK.resolve(name).resolve("home");
        Path log = WORK.resolve(name).resolve("portal.log");
        deleteRecursively(WORK.resolve(name)); // an earlier run's data, left by a hard kill
        Files.createDirectories(home);
        Process portal = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "eu.tutela.portal.TutelaApplication",
                "--spring.profiles.active=test", "--server.port=0", "--tutela.demo.enabled=false",
                "--tutela.embedded.home=" + home)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            awaitLogLine(log, "STARTUP portal ready", Duration.ofMinutes(5), portal);
            // pg_ctl detaches PostgreSQL from its parent: it is found by its data directory instead.
            List<ProcessHandle> children = Stream.concat(portal.descendants(),
                    ProcessHandle.allProcesses().filter(p -> commandOf(p).contains(home.toString()))).distinct().toList();
            assertThat(children).as("processes started by the portal")
                    .anyMatch(p -> commandOf(p).contains("postgres -D " + home))
                    .anyMatch(p -> commandOf(p).contains("kc.sh") || commandOf(p).contains("keycloak"));

            ending.end(portal.pid());
            assertThat(portal.waitFor(90, TimeUnit.SECONDS)).as("the portal exits").isTrue();
            Instant deadline = Instant.now().plus(patience);
            while (children.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertThat(children.stream().filter(ProcessHandle::isAlive).map(InterruptLeavesNoOrphanIT::commandOf))
                    .as("orphans left behind").isEmpty();
        } finally {
            portal.descendants().forEach(ProcessHandle::destroyForcibly);
            portal.destroyForcibly();
            ProcessHandle.allProcesses().filter(p -> commandOf(p).contains(home.toString())).forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Ctrl-C is SIGINT. A process started from a shell in the background inherits SIGINT as
     * ignored (so the JVM would never see it); then SIGTERM, which takes the same path through the
     * JVM's shutdown hooks, stands in for it.
     */
    private static void interrupt(long pid) throws IOException, InterruptedException {
        String signal = ignoresSigint(pid) ? "-TERM" : "-INT";
        new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
    }

    private static boolean ignoresSigint(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> (mask & (1L << (2 - 1))) != 0);
    }

    private static void awaitLogLine(Path log, String text, Duration timeout, Process portal) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            if (!portal.isAlive()) {
                throw new AssertionError("The portal exited with " + portal.exitValue() + " before '" + text + "'; see " + log);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No '" + text + "' within " + timeout + "; see " + log);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String commandOf(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
