package eu.tutela.policy.cli;

import eu.tutela.policy.PolicyValidationException;
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
    public Integer call() throws IOException {
        return options.run(cli, (lang, values) -> {
            List<Problem> problems = cli.library.validate(values);
            if (!problems.isEmpty()) {
                throw new PolicyValidationException(problems);
            }
            new PrintStream(cli.out, true, StandardCharsets.UTF_8).println(Messages.noProblems(lang));
            return 0;
        });
    }
}
