package eu.tutela.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** French and English everywhere a person reads: every message exists in both languages, none empty. */
class MessagesTest {

    @Test
    void everyMessageIsInFrenchAndInEnglish() throws Exception {
        Properties english = load("/messages.properties");
        Properties french = load("/messages_fr.properties");
        assertThat(french.stringPropertyNames()).as("keys missing in French or in English")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).hasSizeGreaterThan(500)
                .allSatisfy(key -> {
                    assertThat(english.getProperty(key)).as("English " + key).isNotBlank();
                    assertThat(french.getProperty(key)).as("French " + key).isNotBlank();
                });
    }

    private static Properties load(String resource) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(MessagesTest.class.getResourceAsStream(resource)),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
