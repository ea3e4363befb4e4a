package eu.tutela.policy.cli;

import eu.tutela.policy.Lang;
import eu.tutela.policy.variables.Problem;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The few command-line messages that are not validation problems, from the same FR/EN bundle. */
final class Messages {

    private Messages() {
    }

    static String unreadable(Lang lang, Path file, Exception e) {
        return text(lang, "cli.unreadable", String.valueOf(file), String.valueOf(e.getMessage()));
    }

    static String noProblems(Lang lang) {
        return text(lang, "cli.noProblems");
    }

    private static String text(Lang lang, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(Problem.BUNDLE, lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), lang.locale()).format(args);
    }
}
