package eu.tutela.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The container image the build wrote (target/portal-image.tar, `docker save` format), read without a container
 * engine: its manifest and configuration, the paths of every layer, and its root filesystem unpacked to a folder, where
 * {@link PortalProcess} runs it as a container would: its own entrypoint, environment and user.
 */
public final class PortalImage {

    static final Path TAR = Path.of("target", "portal-image.tar");
    /** The tarball's files (manifest, configuration, layers), taken out once per build instead of scanned per file. */
    private static final Path FILES = Path.of("target", "image-files");
    /** Where the tests unpack the image's root filesystem, once per build. */
    public static final Path ROOT = Path.of("target", "image-root");
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> repoTags;
    final JsonNode config;
    /** Every path of every layer, base first, as the layer names it ("app/libs/x.jar", "./opt/java/release"). */
    final List<String> paths;
    private final List<String> layers;

    private PortalImage(List<String> repoTags, JsonNode config, List<String> layers, List<String> paths) {
        this.repoTags = repoTags;
        this.config = config;
        this.layers = layers;
        this.paths = paths;
    }

    public static PortalImage read() {
        assertThat(TAR).as("the image tarball (the build's package phase writes it; run through 'verify')").exists();
        try {
            extractOnce();
            JsonNode manifest = JSON.readTree(FILES.resolve("manifest.json").toFile()).get(0);
            JsonNode config = JSON.readTree(FILES.resolve(manifest.get("Config").asText()).toFile());
            List<String> layers = new ArrayList<>();
            manifest.get("Layers").forEach(layer -> layers.add(layer.asText()));
            List<String> paths = new ArrayList<>();
            for (String layer : layers) {
                try (TarArchiveInputStream files = layer(layer)) {
                    for (TarArchiveEntry file; (file = files.getNextEntry()) != null; ) {
                        paths.add(file.getName());
                    }
                }
            }
            List<String> tags = new ArrayList<>();
            manifest.get("RepoTags").forEach(tag -> tags.add(tag.asText()));
            return new PortalImage(tags, config, layers, paths);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        return entrypoint;
    }

    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        config.path("config").path("Env").forEach(pair -> {
            String[] kv = pair.asText().split("=", 2);
            env.put(kv[0], kv[1]);
        });
        return env;
    }

    String user() {
        return config.path("config").path("User").asText();
    }

    /** The root filesystem, layers applied in order by tar itself (modes, owners and links as the image has them). */
    public Path unpack(Path root) {
        try {
            Path done = root.resolve(".unpacked-" + Files.size(TAR));
            if (Files.exists(done)) {
                return root;
            }
            Files.createDirectories(root);
            for (String layer : layers) {
                tar("tar of layer " + layer, "--extract", "--gzip", "--same-permissions", "--same-owner",
                        "--file", FILES.resolve(layer).toString(), "--directory", root.toString());
            }
            Files.createFile(done);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TarArchiveInputStream layer(String name) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(FILES.resolve(name)));
        return new TarArchiveInputStream(name.endsWith(".gz") ? new GZIPInputStream(in) : in);
    }

    private static void extractOnce() throws IOException {
        Path done = FILES.resolve(".extracted-" + Files.size(TAR));
        if (!Files.exists(done)) {
            Files.createDirectories(FILES);
            tar("tar of " + TAR, "--extract", "--file", TAR.toString(), "--directory", FILES.toString());
            Files.createFile(done);
        }
    }

    private static void tar(String what, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(arguments));
        try {
            assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).as(what).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
