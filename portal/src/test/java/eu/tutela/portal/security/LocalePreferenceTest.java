package eu.tutela.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalePreferenceTest {

    @Test
    void theLanguageCookieIsSecureWhenThePageCameOverHttpsAndNeverReadableByScripts() {
        Cookie overHttps = LocalePreference.cookie(Locale.ENGLISH, true);
        assertThat(overHttps.getValue()).isEqualTo("en");
        assertThat(overHttps.getSecure()).isTrue();
        assertThat(overHttps.isHttpOnly()).isTrue();
        assertThat(overHttps.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(overHttps.getMaxAge()).isEqualTo(365 * 24 * 3600);

        assertThat(LocalePreference.cookie(Locale.FRENCH, false).getSecure()).as("plain HTTP on a developer's loopback").isFalse();
    }
}
