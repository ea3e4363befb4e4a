package eu.tutela.tenantadmin.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Keycloak server (the unpacked {@code keycloak-quarkus-dist}) run as a child process in development mode on
 * 127.0.0.1, for the demo and for tests.
 *
 * <pre>{@code
 * try (KeycloakDevServer keycloak = KeycloakDevServer.start(Settings.persistent())) {
 *     // ... boot other things in parallel ...
 *     keycloak.awaitReady(Duration.ofMinutes(3));
 *     String url = keycloak.baseUrl();
 * }
 * }</pre>
 *
 * <p>Only runtime options differ between the persistent and the ephemeral mode ({@code --db-url}), so that a start
 * never re-augments the shared distribution after the first one. {@link #close()} stops the whole process tree and
 * also runs as a JVM shutdown hook. A pid file in the data directory lets the next start stop a Keycloak that a
 * previous run left behind (same data directory).
 */
public final class KeycloakDevServer implements AutoCloseable {

    /** Name of the log file (Keycloak's stdout and stderr) in the data directory. */
    public static final String LOG_FILE_NAME = "keycloak.log";
    /** Name of the pid file in the data directory. */
    public static final String PID_FILE_NAME = "keycloak.pid";

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakDevServer.class);
    private static final String AUGMENTATION_DONE_MARKER = "Running the server in development mode";
    private static final int LOG_TAIL_LINES = 40;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(3);

    private final Settings settings;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;
    private final long spawnedAtNanos;
    private final CompletableFuture<Duration> readiness = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private KeycloakDevServer(Settings settings, Process process, Path logFile, Path pidFile, long spawnedAtNanos) {
        this.settings = settings;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.spawnedAtNanos = spawnedAtNanos;
        this.shutdownHook = new Thread(this::stopQuietly, "keycloak-dev-server-shutdown-" + process.pid());
    }

    /**
     * Spawns Keycloak and returns at once; use {@link #awaitReady(Duration)} before talking to it.
     *
     * @throws KeycloakStartException if the distribution is missing, a port is taken or the process cannot be spawned
     */
    public static KeycloakDevServer start(Settings settings) {
        Path kcSh = settings.distributionHome().resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new KeycloakStartException("No Keycloak server distribution at " + settings.distributionHome()
                    + " (" + kcSh + " is missing). The build unpacks org.keycloak:keycloak-quarkus-dist there: run "
                    + "'./mvnw -pl tenant-admin generate-resources', or point the system property "
                    + Settings.KEYCLOAK_HOME_PROPERTY + " at an unpacked Keycloak " + Settings.keycloakServerVersion());
        }
        Path dataDirectory = settings.dataDirectory();
        Path pidFile = dataDirectory.resolve(PID_FILE_NAME);
        Path logFile = dataDirectory.resolve(LOG_FILE_NAME);
        try {
            Files.createDirectories(dataDirectory);
            stopLeftover(pidFile, settings.stopGracePeriod());
            if (settings.dataMode() == DataMode.EPHEMERAL) {
                deleteContents(dataDirectory);
            }
        } catch (IOException e) {
            throw new KeycloakStartException("Cannot prepare the Keycloak data directory " + dataDirectory + ": " + e, e);
        }
        for (int port : new int[] {settings.httpPort(), settings.managementPort()}) {
            if (FreePorts.isInUse(port)) {
                throw new KeycloakStartException("Cannot start Keycloak: port " + port + " on 127.0.0.1 is already "
                        + "in use (another Keycloak with another data directory, or another program). Settings: " + settings);
            }
        }

        List<String> command = new ArrayList<>();
        if (!Files.isExecutable(kcSh)) {
            command.add("/bin/sh");
        }
        command.add(kcSh.toString());
        command.addAll(arguments(settings));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        configureEnvironment(builder.environment(), settings);

        DistributionLock lock = DistributionLock.acquire(settings.distributionHome(), LOCK_TIMEOUT);
        Process process;
        long spawnedAt = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            lock.release();
            throw new KeycloakStartException("Cannot spawn " + command + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Keycloak reads nothing from stdin anyway
        }
        KeycloakDevServer server = new KeycloakDevServer(settings, process, logFile, pidFile, spawnedAt);
        try {
            // Stops Keycloak even if this JVM is killed hard, when no shutdown hook runs.
            ParentWatchdog.guard(process.pid(), settings.distributionHome().toString(), "TERM");
            Files.write(pidFile, List.of(pidLine(process.toHandle())));
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        } catch (IOException | RuntimeException e) {
            lock.release();
            server.stopQuietly();
            throw new KeycloakStartException("Cannot record the Keycloak process: " + e, e);
        }
        LOG.info("Keycloak starting (pid {}) on {} [{} data in {}], log {}", process.pid(), settings.baseUrl(),
                settings.dataMode(), dataDirectory, logFile);
        Thread.ofPlatform().daemon().name("keycloak-readiness-" + process.pid()).start(() -> server.watch(lock));
        return server;
    }

    /** The command-line arguments after {@code kc.sh} (visible for tests). */
    static List<String> arguments(Settings settings) {
        List<String> args = new ArrayList<>();
        args.add("start-dev");
        args.add("--http-host=127.0.0.1");
        args.add("--http-port=" + settings.httpPort());
        args.add("--http-management-port=" + settings.managementPort());
        args.add("--health-enabled=true");
        // db stays the start-dev default (dev-file, a build-time option); db-url is a runtime option, so changing it
        // between starts does not re-augment Quarkus.
        args.add("--db-url=" + jdbcUrl(settings));
        return args;
    }

    /** The H2 URL: a file under the data directory (persistent) or a fresh in-memory database (ephemeral). */
    static String jdbcUrl(Settings settings) {
        return switch (settings.dataMode()) {
            case PERSISTENT -> "jdbc:h2:file:" + settings.dataDirectory().resolve("h2").resolve("keycloakdb")
                    + ";NON_KEYWORDS=VALUE";
            case EPHEMERAL -> "jdbc:h2:mem:keycloak-" + UUID.randomUUID() + ";NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
        };
    }

    private static void configureEnvironment(Map<String, String> env, Settings settings) {
        // Keycloak options from the caller's environment (KC_DB, KC_HOSTNAME, ...) would change what this server
        // is, and some would re-augment the shared distribution: start from a clean slate.
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_")
                || name.equals("JAVA_OPTS") || name.equals("JAVA_OPTS_APPEND") || name.equals("JAVA_ADD_OPENS")
                || name.equals("DEBUG") || name.equals("DEBUG_PORT"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUsername());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        // The transaction log goes with the data, so that two servers on one distribution do not share it.
        env.put("JAVA_OPTS_APPEND", "-Dquarkus.transaction-manager.object-store.directory="
                + settings.dataDirectory().resolve("transaction-logs"));
    }

    /** Polls readiness until ready or dead; gives back the distribution lock as soon as augmentation is over. */
    private void watch(DistributionLock lock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.readinessUrl()))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            while (!readiness.isDone()) {
                if (!process.isAlive()) {
                    readiness.completeExceptionally(new KeycloakStartException("Keycloak exited with code "
                            + process.exitValue() + " before it was ready. " + logExcerpt()));
                    break;
                }
                if (!lock.isReleased() && logMentions(AUGMENTATION_DONE_MARKER)) {
                    lock.release();
                }
                try {
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        Duration took = Duration.ofNanos(System.nanoTime() - spawnedAtNanos);
                        LOG.info("Keycloak ready on {} after {} ms (pid {})", settings.baseUrl(), took.toMillis(),
                                process.pid());
                        recordProcessTree();
                        readiness.complete(took);
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(POLL_INTERVAL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            readiness.completeExceptionally(new KeycloakStartException("Interrupted while waiting for Keycloak", e));
        } catch (RuntimeException e) {
            readiness.completeExceptionally(e);
        } finally {
            lock.release();
            http.close();
        }
    }

    /**
     * Rewrites the pid file with the whole tree: kc.sh may stay the parent of the server JVM, and if kc.sh dies
     * alone, the next start must still find the JVM.
     */
    private void recordProcessTree() {
        List<String> pids = new ArrayList<>();
        pids.add(pidLine(process.toHandle()));
        process.toHandle().descendants().forEach(h -> pids.add(pidLine(h)));
        try {
            Files.write(pidFile, pids);
        } catch (IOException e) {
            LOG.debug("Could not update {}: {}", pidFile, e.toString());
        }
    }

    /**
     * Blocks until {@code /health/ready} answers 200.
     *
     * @return the time from spawn to ready
     * @throws KeycloakStartException if Keycloak dies first or is not ready in time (the message names the log file
     *                                and quotes its last lines); the process is left running on timeout, close it
     */
    public Duration awaitReady(Duration timeout) {
        try {
            return readiness.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new KeycloakStartException("Keycloak (pid " + process.pid() + ") was not ready on "
                    + settings.readinessUrl() + " within " + timeout + ". " + logExcerpt(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KeycloakStartException start) {
                throw new KeycloakStartException(start.getMessage(), start);
            }
            throw new KeycloakStartException("Keycloak failed to start: " + e.getCause() + ". " + logExcerpt(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakStartException("Interrupted while waiting for Keycloak", e);
        }
    }

    /** Whether Keycloak has answered {@code /health/ready} and is still running. */
    public boolean isReady() {
        return readiness.isDone() && !readiness.isCompletedExceptionally() && process.isAlive() && !closed.get();
    }

    /** The time from spawn to ready, once ready. */
    public Optional<Duration> timeToReady() {
        return isReady() ? Optional.of(readiness.join()) : Optional.empty();
    }

    /** {@code http://127.0.0.1:<httpPort>}. */
    public String baseUrl() {
        return settings.baseUrl();
    }

    /** {@code http://127.0.0.1:<httpPort>/realms/<realm>}: the OIDC issuer of a realm. */
    public String issuerUrl(String realm) {
        return settings.baseUrl() + "/realms/" + realm;
    }

    public Settings settings() {
        return settings;
    }

    /** The PID of the spawned {@code kc.sh}; the server JVM is this process or its child ({@link #close()} stops both). */
    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public Path pidFile() {
        return pidFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops Keycloak and all its descendants (SIGTERM, then kill after the grace period). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself, or while the JVM shuts down
        }
        stopProcessTree(process.toHandle(), settings.stopGracePeriod());
        readiness.completeExceptionally(new KeycloakStartException("Keycloak was stopped"));
        try {
            Files.deleteIfExists(pidFile);
            if (settings.dataMode() == DataMode.EPHEMERAL) {
                deleteRecursively(settings.dataDirectory().resolve("transaction-logs"));
            }
        } catch (IOException e) {
            LOG.debug("Could not clean up after Keycloak: {}", e.toString());
        }
        LOG.info("Keycloak stopped (pid {})", process.pid());
    }

    private void stopQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("Stopping Keycloak failed", e);
        }
    }

    /** Stops a process and its descendants: SIGTERM to all, wait up to {@code grace}, then SIGKILL what is left. */
    static void stopProcessTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            try {
                handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<ProcessHandle> survivors = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.descendants().forEach(survivors::add);
                survivors.add(handle);
            }
        }
        if (!survivors.isEmpty()) {
            LOG.warn("Keycloak did not stop within {}; killing {} process(es)", grace, survivors.size());
            survivors.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle handle : survivors) {
                try {
                    handle.onExit().get(10, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    LOG.warn("Process {} survived SIGKILL for 10 s", handle.pid());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** If the pid file names live Keycloak processes (a previous run with the same data directory), stop it. */
    /**
     * A pid file line: the pid and the process's start time. A later start stops only a process that has both, so a
     * pid that the system has since given to another program is never touched, whatever its name.
     */
    static String pidLine(ProcessHandle handle) {
        return handle.pid() + " " + handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    static void stopLeftover(Path pidFile, Duration grace) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Files.deleteIfExists(pidFile);
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length != 2) {
                continue;
            }
            try {
                stopLeftover(Long.parseLong(fields[0]), Long.parseLong(fields[1]), pidFile, grace);
            } catch (NumberFormatException e) {
                // not a line this class wrote
            }
        }
    }

    private static void stopLeftover(long pid, long startedAtMillis, Path pidFile, Duration grace) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive() || pid == ProcessHandle.current().pid()) {
            return;
        }
        boolean same = handle.get().info().startInstant().map(Instant::toEpochMilli).map(t -> t == startedAtMillis).orElse(false);
        if (!same) {
            LOG.info("Pid file {} names process {}, which has started since at another time: another program; leaving it alone",
                    pidFile, pid);
            return;
        }
        LOG.warn("Stopping Keycloak pid {} left over by a previous run (pid file {})", pid, pidFile);
        stopProcessTree(handle.get(), grace);
    }

    private boolean logMentions(String marker) {
        try {
            return Files.isRegularFile(logFile) && Files.readString(logFile, StandardCharsets.ISO_8859_1).contains(marker);
        } catch (IOException e) {
            return false;
        }
    }

    /** "See log file X; its last lines: ..." */
    String logExcerpt() {
        return "Log file: " + logFile + System.lineSeparator() + "Last lines:" + System.lineSeparator()
                + String.join(System.lineSeparator(), tail(logFile, LOG_TAIL_LINES));
    }

    static List<String> tail(Path file, int lines) {
        try {
            if (!Files.isRegularFile(file)) {
                return List.of("(no log file)");
            }
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read the log file: " + e + ")");
        }
    }

    private static void deleteContents(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.toList()) {
                deleteRecursively(child);
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return "KeycloakDevServer[pid=" + process.pid() + ", " + settings.baseUrl() + ", " + settings.dataMode()
                + ", ready=" + isReady() + "]";
    }
}
