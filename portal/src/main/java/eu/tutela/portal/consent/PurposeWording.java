package eu.tutela.portal.consent;

import java.util.Locale;

/** What a purpose is called and how it is explained, in French and in English (plain text, shown as text). */
public record PurposeWording(String nameFr, String nameEn, String descriptionFr, String descriptionEn) {

    public String name(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? nameFr : nameEn;
    }

    public String description(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? descriptionFr : descriptionEn;
    }
}
