package eu.tutela.policy.cli;

import eu.tutela.policy.Lang;
import eu.tutela.policy.TemplateDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** Lists the templates with their variables, so a values file can be written without reading the source. */
@Command(name = "list", description = "List the templates and their variables.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    PolicyCli cli;

    @Option(names = "--lang", defaultValue = "en")
    String lang;

    @Override
    public Integer call() {
        Lang l = Lang.of(lang);
        PrintStream out = new PrintStream(cli.out, true, StandardCharsets.UTF_8);
        for (TemplateDescription t : cli.library.list(l)) {
            out.println(t.id() + " — " + t.name());
            t.variables().forEach(v -> out.println("  " + v.name() + " : " + v.type() + (v.required() ? " (required)" : "") + " — " + v.label(l)));
            t.clauses().forEach(c -> out.println("  clause " + c.id() + " " + c.options() + " default " + c.defaultOption() + " — " + c.label(l)));
        }
        return 0;
    }
}
