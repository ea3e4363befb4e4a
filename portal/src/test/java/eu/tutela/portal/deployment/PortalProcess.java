package eu.tutela.portal.deployment;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The portal run from its image as a container would run it: the image's root filesystem as root (chroot), its own
 * process and mount namespaces with /proc, the image's entrypoint, environment and unprivileged user, the production
 * profile, and the settings the chart gives it as environment variables ({@link
 * eu.tutela.portal.support.DeploymentEnvironment}). Stopping it sends SIGTERM, as the kubelet does.
 */
public final class PortalProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public final int port;
    final int managementPort;
    final Path log;
    private final Process process;

    private PortalProcess(int port, int managementPort, Path log, Process process) {
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /** Started with these environment variables; on {@code PORT} when they name one, else on a free port. */
    public static PortalProcess start(PortalImage image, Path root, Map<String, String> settings) {
        try {
            int port = settings.containsKey("PORT") ? Integer.parseInt(settings.get("PORT")) : freePort();
            int management = freePort();
            Path log = Files.createTempFile("portal-" + port, ".log");
            // By their full paths: the environment is the image's, whose PATH is the container's.
            List<String> command = new ArrayList<>(List.of(hostTool("unshare"), "--mount", "--pid", "--fork", "--kill-child=SIGTERM",
                    "--mount-proc=" + root.resolve("proc").toAbsolutePath(), hostTool("chroot"), "--userspec=" + image.user(),
                    root.toAbsolutePath().toString()));
            command.addAll(image.entrypoint());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(image.environment());
            builder.environment().putAll(settings);
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("MANAGEMENT_SERVER_PORT", String.valueOf(management));
            builder.environment().put("TUTELA_HTTP_ADDRESS", "127.0.0.1");
            builder.environment().putIfAbsent("TUTELA_PUBLIC_URL", "http://127.0.0.1:" + port);
            return new PortalProcess(port, management, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ready as the chart's readiness probe sees it. */
    public PortalProcess awaitReady() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal stopped while starting:\n" + output());
            }
            return management("/actuator/health/readiness").map(HttpResponse::statusCode).filter(s -> s == 200).isPresent();
        });
        return this;
    }

    Optional<HttpResponse<String>> management(String path) {
        return get("http://127.0.0.1:" + managementPort + path);
    }

    Optional<HttpResponse<String>> portal(String path) {
        return get("http://127.0.0.1:" + port + path);
    }

    /** The portal's JVM, inside the namespaces: the descendant that runs the entrypoint. */
    ProcessHandle java() {
        return process.descendants().filter(p -> p.info().command().filter(c -> c.endsWith("/java")).isPresent())
                .findFirst().orElseThrow(() -> new IllegalStateException("no java process under " + process.pid()));
    }

    /** The real user id the portal's JVM runs as, read from the kernel. */
    String userId() throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(java().pid()), "status")).stream()
                .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as the kubelet sends; the exit code, or empty if it had not stopped within the grace period. */
    Optional<Integer> stop(Duration grace) throws InterruptedException {
        ProcessHandle java = java();
        java.destroy();
        boolean stopped = java.onExit().completeOnTimeout(null, grace.toMillis(), TimeUnit.MILLISECONDS).join() != null;
        process.waitFor(10, TimeUnit.SECONDS);
        return stopped ? Optional.of(process.exitValue()) : Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Optional<HttpResponse<String>> get(String url) {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String hostTool(String name) {
        return Stream.of("/usr/bin", "/usr/sbin", "/bin", "/sbin").map(dir -> Path.of(dir, name)).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + name + " on this machine (util-linux, coreutils)"))
                .toString();
    }

    /** A port nothing listens on now: for a process whose address must be known before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
