package eu.tutela.policy.cli;

import eu.tutela.policy.Lang;
import eu.tutela.policy.PolicyValidationException;
import eu.tutela.policy.variables.PolicyValues;
import eu.tutela.policy.variables.ValuesFile;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The options render and validate share (which template, which values file, which language) and the
 * way both read them and report failures, each with its exit code (see {@link PolicyCli}).
 */
final class ValuesOptions {

    /** What a command does once the language and the values are read; returns the exit code. */
    @FunctionalInterface
    interface Action {
        int run(Lang lang, PolicyValues values) throws IOException;
    }

    @Option(names = "--template", required = true, description = "Template id (see `list`).")
    String template;

    @Option(names = "--values", required = true, description = "YAML values file.")
    Path values;

    @Option(names = "--lang", defaultValue = "fr", description = "fr or en (default fr); also the language of messages.")
    String lang;

    /**
     * Reads the language and the values file, then runs the action. An unknown language, an unreadable
     * values file and invalid values (a {@link PolicyValidationException} from the action: every problem,
     * one a line) are written to the error stream, in the chosen language, and give their exit code.
     */
    int run(PolicyCli cli, Action action) throws IOException {
        Lang language;
        try {
            language = Lang.of(lang);
        } catch (IllegalArgumentException e) {
            cli.err.println(e.getMessage());
            return PolicyCli.USAGE;
        }
        PolicyValues read;
        try {
            read = read();
        } catch (IOException | RuntimeException e) {
            cli.err.println(Messages.unreadable(language, values, e));
            return PolicyCli.UNREADABLE;
        }
        try {
            return action.run(language, read);
        } catch (PolicyValidationException e) {
            e.problems().forEach(p -> cli.err.println(p.message(language)));
            return PolicyCli.INVALID;
        }
    }

    /** The values file, bound to the template named on the command line. */
    private PolicyValues read() throws IOException {
        PolicyValues v = ValuesFile.read(values);
        return new PolicyValues(template, v.version(), v.date(), v.values(), v.clauses(), v.freeText());
    }
}
