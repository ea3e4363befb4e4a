package eu.tutela.policy.cli;

import eu.tutela.policy.Lang;
import eu.tutela.policy.variables.PolicyValues;
import eu.tutela.policy.variables.ValuesFile;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The options render and validate share: which template, which values file, which language. */
final class ValuesOptions {

    @Option(names = "--template", required = true, description = "Template id (see `list`).")
    String template;

    @Option(names = "--values", required = true, description = "YAML values file.")
    Path values;

    @Option(names = "--lang", defaultValue = "fr", description = "fr or en (default fr); also the language of messages.")
    String lang;

    Lang language() {
        return Lang.of(lang);
    }

    /** The values file, bound to the template named on the command line. */
    PolicyValues read() throws IOException {
        PolicyValues v = ValuesFile.read(values);
        return new PolicyValues(template, v.version(), v.date(), v.values(), v.clauses(), v.freeText());
    }
}
