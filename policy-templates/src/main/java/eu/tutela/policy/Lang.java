package eu.tutela.policy;

import java.util.Locale;

/** The languages the catalogue is written in. Each template exists in every one of them. */
public enum Lang {
    FR(Locale.FRENCH), EN(Locale.ENGLISH);

    private final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "fr", "FR", "en"…; throws IllegalArgumentException naming the accepted codes. */
    public static Lang of(String code) {
        for (Lang lang : values()) {
            if (lang.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return lang;
            }
        }
        throw new IllegalArgumentException("Unknown language '" + code + "': use fr or en");
    }
}
