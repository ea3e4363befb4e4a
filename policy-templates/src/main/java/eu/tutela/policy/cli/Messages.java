package eu.tutela.policy.cli;

import eu.tutela.policy.Lang;

import java.nio.file.Path;

/** The few command-line messages that are not validation problems. */
final class Messages {

    private Messages() {
    }

    static String unreadable(Lang lang, Path file, Exception e) {
        return (lang == Lang.FR ? "Impossible de lire le fichier de valeurs " : "Cannot read the values file ") + file + ": " + e.getMessage();
    }
}
