package eu.tutela.policy.cli;

import eu.tutela.policy.Rendering;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Renders a policy to Markdown, HTML or PDF, on standard output or to a file. Everything is produced
 * in memory first: on any error nothing is written at all.
 */
@Command(name = "render", description = "Render a policy from a template and a values file.")
final class RenderCommand implements Callable<Integer> {

    enum Format { md, html, pdf }

    @ParentCommand
    PolicyCli cli;

    @Mixin
    ValuesOptions options;

    @Option(names = "--format", defaultValue = "html", description = "md, html or pdf (default html).")
    Format format;

    @Option(names = {"-o", "--output"}, description = "File to write (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        return options.run(cli, (lang, values) -> {
            Rendering rendering = cli.library.render(values, lang);
            byte[] bytes = switch (format) {
                case md -> rendering.markdown().getBytes(StandardCharsets.UTF_8);
                case html -> rendering.html().getBytes(StandardCharsets.UTF_8);
                case pdf -> rendering.pdf();
            };
            if (output == null) {
                cli.out.write(bytes);
                cli.out.flush();
            } else {
                Files.write(output, bytes);
            }
            return 0;
        });
    }
}
