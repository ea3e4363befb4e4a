package eu.tutela.policy.cli;

import eu.tutela.policy.PolicyTemplates;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar policy-templates.jar render|validate|list …}: try the library without the portal.
 * Exit codes: 0 done, 1 invalid values or unknown template, 2 bad command line, 3 unreadable file.
 */
@Command(name = "policy-templates", mixinStandardHelpOptions = true, version = "Tutela policy-templates",
        description = "Render and check Tutela privacy-policy templates.",
        subcommands = {RenderCommand.class, ValidateCommand.class, ListCommand.class})
public final class PolicyCli implements Runnable {

    static final int INVALID = 1;
    static final int USAGE = 2;
    static final int UNREADABLE = 3;

    final PolicyTemplates library;
    final OutputStream out;
    final PrintStream err;

    PolicyCli(PolicyTemplates library, OutputStream out, PrintStream err) {
        this.library = library;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(err);
    }

    /** Runs one command line, writing results to {@code out} and messages to {@code err}; returns the exit code. */
    public static int run(String[] args, OutputStream out, PrintStream err) {
        PolicyCli cli = new PolicyCli(PolicyTemplates.load(), out, err);
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setOut(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return commandLine.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }
}
