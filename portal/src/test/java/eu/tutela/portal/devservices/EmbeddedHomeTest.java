package eu.tutela.portal.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** What stopping the embedded servers may delete: only a folder the run created for itself. */
class EmbeddedHomeTest {

    @Test
    void aFolderTheUserNamedIsKeptAtExitEvenWhenItsDataIsNotPersistent(@TempDir Path parent) throws Exception {
        Path named = Files.createDirectories(parent.resolve("my-work"));
        Path precious = Files.writeString(named.resolve("thesis.txt"), "years of work");
        EmbeddedSettings settings = EmbeddedSettings.from(new MockEnvironment()
                .withProperty("tutela.embedded.home", named.toString())
                .withProperty("tutela.embedded.persistent", "false"));

        assertThat(settings.temporaryHome()).isFalse();
        new EmbeddedServices(settings).stop();

        assertThat(precious).exists().hasContent("years of work");
    }

    @Test
    void aTemporaryFolderTheRunCreatedIsDeletedAtExit() {
        EmbeddedSettings settings = EmbeddedSettings.from(new MockEnvironment().withProperty("tutela.embedded.persistent", "false"));
        assertThat(settings.temporaryHome()).isTrue();
        assertThat(settings.home()).exists();

        new EmbeddedServices(settings).stop();

        assertThat(settings.home()).doesNotExist();
    }

    @Test
    void thePersistentDemoHomeIsNeverTemporary() {
        EmbeddedSettings settings = EmbeddedSettings.from(new MockEnvironment().withProperty("tutela.embedded.persistent", "true"));
        assertThat(settings.temporaryHome()).isFalse();
        assertThat(settings.home().endsWith(Path.of(".tutela", "dev"))).isTrue();
    }
}
