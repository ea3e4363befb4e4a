package eu.tutela.policy.variables;

import eu.tutela.policy.Lang;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * One thing wrong with a values file. {@code subject} names the variable, clause or section concerned
 * (so that an editor can put the message next to the right field) and {@code subjectLabel} is its
 * human label per language. The text comes from the localised bundle {@code messages[_fr].properties}:
 * {0} is the subject, {1} its label, {2}… the arguments.
 */
public record Problem(String subject, Map<Lang, String> subjectLabel, String code, List<String> args) {

    /** The FR/EN messages: validation problems, the labels of "version" and "date", the command line's few words. */
    public static final String BUNDLE = "eu.tutela.policy.messages";

    public Problem {
        subjectLabel = Map.copyOf(subjectLabel);
        args = List.copyOf(args);
    }

    public static Problem of(String subject, Map<Lang, String> label, String code, String... args) {
        return new Problem(subject, label, code, List.of(args));
    }

    /** A label kept in the messages bundle (such as "label.version"), in every language. */
    public static Map<Lang, String> label(String key) {
        Map<Lang, String> label = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            label.put(lang, bundle(lang).getString(key));
        }
        return label;
    }

    public String message(Lang lang) {
        ResourceBundle bundle = bundle(lang);
        Object[] all = new Object[args.size() + 2];
        all[0] = subject;
        all[1] = subjectLabel.getOrDefault(lang, subject);
        for (int i = 0; i < args.size(); i++) {
            all[i + 2] = args.get(i);
        }
        return new MessageFormat(bundle.getString(code), lang.locale()).format(all);
    }

    private static ResourceBundle bundle(Lang lang) {
        return ResourceBundle.getBundle(BUNDLE, lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
