package eu.tutela.policy.variables;

import eu.tutela.policy.Lang;

import java.text.MessageFormat;
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

    public Problem {
        subjectLabel = Map.copyOf(subjectLabel);
        args = List.copyOf(args);
    }

    public static Problem of(String subject, Map<Lang, String> label, String code, String... args) {
        return new Problem(subject, label, code, List.of(args));
    }

    public String message(Lang lang) {
        ResourceBundle bundle = ResourceBundle.getBundle("eu.tutela.policy.messages", lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] all = new Object[args.size() + 2];
        all[0] = subject;
        all[1] = subjectLabel.getOrDefault(lang, subject);
        for (int i = 0; i < args.size(); i++) {
            all[i + 2] = args.get(i);
        }
        return new MessageFormat(bundle.getString(code), lang.locale()).format(all);
    }
}
