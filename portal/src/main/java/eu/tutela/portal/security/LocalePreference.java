package eu.tutela.portal.security;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/** The two languages a person reads Tutela in, and how the choice is remembered before sign-in. */
public final class LocalePreference {

    public static final String COOKIE = "tutela-locale";
    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private LocalePreference() {
    }

    public static boolean isSupported(String language) {
        return SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(language));
    }

    /** The language chosen earlier (the cookie), else the browser's best supported one. */
    public static Locale of(Cookie[] cookies, Enumeration<Locale> requested) {
        return Arrays.stream(cookies == null ? new Cookie[0] : cookies)
                .filter(c -> COOKIE.equals(c.getName()) && isSupported(c.getValue()))
                .map(c -> Locale.of(c.getValue()))
                .findFirst()
                .orElseGet(() -> bestOf(requested));
    }

    /** The first supported language the browser asks for; French, the product's home language, otherwise. */
    private static Locale bestOf(Enumeration<Locale> requested) {
        while (requested != null && requested.hasMoreElements()) {
            String language = requested.nextElement().getLanguage();
            if (isSupported(language)) {
                return Locale.of(language);
            }
        }
        return Locale.FRENCH;
    }

    /**
     * The cookie that remembers the choice before sign-in: for a year, never readable by scripts,
     * sent only over HTTPS when the page was, and not on cross-site requests.
     */
    public static Cookie cookie(Locale locale, boolean secure) {
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        return cookie;
    }
}
