package eu.tutela.policy.catalogue;

import eu.tutela.policy.Lang;
import eu.tutela.policy.variables.Channel;
import eu.tutela.policy.variables.Countries;
import eu.tutela.policy.variables.DurationValue;
import eu.tutela.policy.variables.RecipientCategory;
import eu.tutela.policy.variables.TransferSafeguard;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * The words the rendering writes for coded values and around them, read once from the catalogue's
 * {@code labels/fr.yaml} and {@code labels/en.yaml} (see the catalogue README): the label of every
 * {@link Channel}, {@link RecipientCategory}, {@link TransferSafeguard} and {@link DurationValue.Unit},
 * the joining words, the version line, the page number, and the "in country" phrase of each country.
 * Loading fails, naming the file and the key, when any of them is missing in either language.
 */
public final class Labels {

    static final String ROOT = CatalogueLoader.ROOT + "labels/";

    /** The label sections of coded values, and the enum whose every constant each must name. */
    private static final Map<String, Class<? extends Enum<?>>> CODES = codes();
    private static final String UNITS = "duration-units";
    private static final String WORDS = "words";
    private static final String COUNTRY_IN = "country-in";
    /** The key of {@value #COUNTRY_IN} used for a country that is not listed. */
    private static final String OTHER_COUNTRY = "other";

    /** Each word, with the only placeholders its text may use. */
    private static final Map<String, Set<String>> WORD_PLACEHOLDERS = Map.of(
            "and", Set.of(), "or", Set.of(), "version", Set.of("version", "date"), "page", Set.of("page", "pages"));

    private static volatile Labels instance;

    private final Map<Lang, Map<Enum<?>, String>> codeLabels;
    private final Map<Lang, Map<DurationValue.Unit, List<String>>> units;
    private final Map<Lang, Map<String, String>> words;
    private final Map<Lang, Map<String, String>> countryIn;

    private Labels(Map<Lang, Map<Enum<?>, String>> codeLabels, Map<Lang, Map<DurationValue.Unit, List<String>>> units,
                   Map<Lang, Map<String, String>> words, Map<Lang, Map<String, String>> countryIn) {
        this.codeLabels = codeLabels;
        this.units = units;
        this.words = words;
        this.countryIn = countryIn;
    }

    /** The labels of the catalogue on the class path, loaded and checked on first use. */
    public static Labels get() {
        Labels loaded = instance;
        if (loaded == null) {
            synchronized (Labels.class) {
                if (instance == null) {
                    ClassLoader classLoader = Labels.class.getClassLoader();
                    Map<Lang, Map<String, Object>> documents = new EnumMap<>(Lang.class);
                    for (Lang lang : Lang.values()) {
                        documents.put(lang, CatalogueLoader.yaml(classLoader, ROOT + lang.code() + ".yaml"));
                    }
                    instance = parse(documents);
                }
                loaded = instance;
            }
        }
        return loaded;
    }

    /** Checks and converts the labels files, one YAML document per language. */
    static Labels parse(Map<Lang, Map<String, Object>> documents) {
        Map<Lang, Map<Enum<?>, String>> codeLabels = new EnumMap<>(Lang.class);
        Map<Lang, Map<DurationValue.Unit, List<String>>> units = new EnumMap<>(Lang.class);
        Map<Lang, Map<String, String>> words = new EnumMap<>(Lang.class);
        Map<Lang, Map<String, String>> countryIn = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String file = "labels/" + lang.code() + ".yaml";
            Map<String, Object> doc = documents.get(lang);
            if (doc == null) {
                throw new CatalogueException("Missing catalogue file " + file);
            }
            Map<Enum<?>, String> labels = new HashMap<>();
            CODES.forEach((section, type) -> {
                Map<String, String> texts = texts(doc, section, file);
                for (Enum<?> code : type.getEnumConstants()) {
                    labels.put(code, required(texts, section, code.name(), file));
                }
                rejectUnknownKeys(texts.keySet(), names(type), section, type.getSimpleName() + " code", file);
            });
            codeLabels.put(lang, Map.copyOf(labels));

            Map<String, Object> unitSection = section(doc, UNITS, file);
            Map<DurationValue.Unit, List<String>> unitWords = new EnumMap<>(DurationValue.Unit.class);
            for (DurationValue.Unit unit : DurationValue.Unit.values()) {
                Object raw = unitSection.get(unit.name());
                if (raw == null) {
                    throw new CatalogueException(file + ": " + UNITS + "." + unit.name() + " is missing");
                }
                if (!(raw instanceof Map<?, ?>)) {
                    throw new CatalogueException(file + ": " + UNITS + "." + unit.name() + " must be {one: …, many: …}");
                }
                Map<String, String> forms = asTexts((Map<?, ?>) raw, UNITS + "." + unit.name(), file);
                rejectUnknownKeys(forms.keySet(), Set.of("one", "many"), UNITS + "." + unit.name(), "form", file);
                unitWords.put(unit, List.of(required(forms, UNITS + "." + unit.name(), "one", file),
                        required(forms, UNITS + "." + unit.name(), "many", file)));
            }
            rejectUnknownKeys(unitSection.keySet(), names(DurationValue.Unit.class), UNITS, "duration unit", file);
            units.put(lang, unitWords);

            Map<String, String> wordTexts = texts(doc, WORDS, file);
            WORD_PLACEHOLDERS.forEach((word, allowed) -> {
                String text = required(wordTexts, WORDS, word, file);
                checkPlaceholders(text, allowed, WORDS + "." + word, file);
            });
            rejectUnknownKeys(wordTexts.keySet(), WORD_PLACEHOLDERS.keySet(), WORDS, "word", file);
            words.put(lang, Map.copyOf(wordTexts));

            Map<String, String> phrases = texts(doc, COUNTRY_IN, file);
            for (String code : requiredCountries()) {
                required(phrases, COUNTRY_IN, code, file);
            }
            checkPlaceholders(required(phrases, COUNTRY_IN, OTHER_COUNTRY, file), Set.of("country"),
                    COUNTRY_IN + "." + OTHER_COUNTRY, file);
            for (String code : phrases.keySet()) {
                required(phrases, COUNTRY_IN, code, file);
                if (!code.equals(OTHER_COUNTRY) && !Countries.isIso(code)) {
                    throw new CatalogueException(file + ": " + COUNTRY_IN + "." + code
                            + " is not an ISO 3166-1 alpha-2 country code (nor \"" + OTHER_COUNTRY + "\")"
                            + (code.equals("false") || code.equals("true") ? "; quote codes YAML reads as yes/no, such as \"NO\"" : ""));
                }
            }
            countryIn.put(lang, Map.copyOf(phrases));
        }
        return new Labels(codeLabels, units, words, countryIn);
    }

    /** The countries whose "in country" phrase must be given in every language: the EEA, Switzerland, the United Kingdom. */
    public static Set<String> requiredCountries() {
        Set<String> codes = new TreeSet<>(Countries.eea());
        codes.add("CH");
        codes.add("GB");
        return codes;
    }

    /** The label of a {@link Channel}, {@link RecipientCategory} or {@link TransferSafeguard}. */
    public String label(Enum<?> code, Lang lang) {
        String label = codeLabels.get(lang).get(code);
        if (label == null) {
            throw new IllegalArgumentException("No label for " + code.getDeclaringClass().getSimpleName() + "." + code.name());
        }
        return label;
    }

    /** "an" / "ans", "year" / "years". */
    /** "1 an", "13 months": the amount with its unit's word, singular or plural. */
    public String duration(DurationValue duration, Lang lang) {
        return duration.amount() + " " + unit(duration.unit(), duration.amount() == 1, lang);
    }

    public String unit(DurationValue.Unit unit, boolean one, Lang lang) {
        return units.get(lang).get(unit).get(one ? 0 : 1);
    }

    /** The word before the last item of a list: "et" / "and", or "ou" / "or". */
    public String conjunction(boolean or, Lang lang) {
        return words.get(lang).get(or ? "or" : "and");
    }

    /** "Version 3.0 du 2 novembre 2026": the caller escapes both values for where the line goes. */
    public String versionLine(String version, String date, Lang lang) {
        return fill(words.get(lang).get("version"), Map.of("version", version, "date", date));
    }

    /** The page number's text with its {@code {{page}}} and {{pages}} placeholders, for the PDF's page margin. */
    public String pageNumber(Lang lang) {
        return words.get(lang).get("page");
    }

    /**
     * "au Luxembourg", "aux Pays-Bas", "in the Netherlands": the phrase for {@code {{country.in}}}, in lower
     * case. A country without its own phrase gets the "other" phrase with the country's name.
     */
    public String countryIn(String isoCode, Lang lang) {
        Map<String, String> phrases = countryIn.get(lang);
        String phrase = phrases.get(isoCode);
        return phrase != null ? phrase
                : fill(phrases.get(OTHER_COUNTRY), Map.of("country", Countries.name(isoCode, lang)));
    }

    /** Replaces {@code {{name}}} placeholders in one pass, so that a value is never read as a placeholder. */
    static String fill(String text, Map<String, String> values) {
        Matcher m = Placeholders.PATTERN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, Class<? extends Enum<?>>> codes() {
        Map<String, Class<? extends Enum<?>>> codes = new LinkedHashMap<>();
        codes.put("channels", Channel.class);
        codes.put("recipient-categories", RecipientCategory.class);
        codes.put("transfer-safeguards", TransferSafeguard.class);
        return codes;
    }

    private static Set<String> names(Class<? extends Enum<?>> type) {
        Set<String> names = new TreeSet<>();
        for (Enum<?> e : type.getEnumConstants()) {
            names.add(e.name());
        }
        return names;
    }

    private static Map<String, Object> section(Map<String, Object> doc, String key, String file) {
        Object raw = doc.get(key);
        if (raw == null) {
            throw new CatalogueException(file + ": " + key + " is missing");
        }
        if (!(raw instanceof Map<?, ?>)) {
            throw new CatalogueException(file + ": '" + key + "' must be a mapping");
        }
        return CatalogueLoader.asMap(raw);
    }

    /** A section of texts; a value that is not text (a list, a mapping) is an editing mistake. */
    private static Map<String, String> texts(Map<String, Object> doc, String key, String file) {
        return asTexts(section(doc, key, file), key, file);
    }

    private static Map<String, String> asTexts(Map<?, ?> mapping, String key, String file) {
        Map<String, String> texts = new LinkedHashMap<>();
        mapping.forEach((k, v) -> {
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw new CatalogueException(file + ": " + key + "." + k + " must be a text");
            }
            texts.put(String.valueOf(k), v == null ? null : String.valueOf(v));
        });
        return texts;
    }

    private static String required(Map<String, String> texts, String section, String key, String file) {
        String text = texts.get(key);
        if (text == null || text.isBlank()) {
            throw new CatalogueException(file + ": " + section + "." + key + " is missing");
        }
        return text;
    }

    private static void rejectUnknownKeys(Set<String> keys, Set<String> known, String section, String what, String file) {
        for (String key : keys) {
            if (!known.contains(key)) {
                throw new CatalogueException(file + ": " + section + "." + key + " is not a " + what + " (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private static void checkPlaceholders(String text, Set<String> allowed, String key, String file) {
        for (String name : Placeholders.names(text)) {
            if (!allowed.contains(name)) {
                throw new CatalogueException(file + ": " + key + " uses unknown placeholder {{" + name + "}}"
                        + (allowed.isEmpty() ? "" : " (it may use " + String.join(", ", new TreeSet<>(allowed)) + ")"));
            }
        }
    }
}
