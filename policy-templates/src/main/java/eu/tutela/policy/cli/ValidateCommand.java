package eu.tutela.policy.cli;

import eu.tutela.policy.Lang;
import eu.tutela.policy.variables.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** Lists every problem of a values file, one a line, in the chosen language. */
@Command(name = "validate", description = "List every problem in a values file.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    PolicyCli cli;

    @Mixin
    ValuesOptions options;

    @Override
    public Integer call() {
        Lang lang;
        try {
            lang = options.language();
        } catch (IllegalArgumentException e) {
            cli.err.println(e.getMessage());
            return 2;
        }
        List<Problem> problems;
        try {
            problems = cli.library.validate(options.read());
        } catch (IOException | RuntimeException e) {
            cli.err.println(Messages.unreadable(lang, options.values, e));
            return PolicyCli.UNREADABLE;
        }
        if (problems.isEmpty()) {
            PrintStream out = new PrintStream(cli.out, true, StandardCharsets.UTF_8);
            out.println(lang == Lang.FR ? "Aucun problème." : "No problems.");
            return 0;
        }
        problems.forEach(p -> cli.err.println(p.message(lang)));
        return PolicyCli.INVALID;
    }
}
