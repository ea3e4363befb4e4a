package eu.tutela.policy;

import eu.tutela.policy.variables.PolicyValues;
import eu.tutela.policy.variables.ValuesFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The values files under examples/ (the seeds' values and a school), shared by tests and the benchmark. */
public final class Examples {

    public static final PolicyTemplates LIBRARY = PolicyTemplates.load();

    public static final String HELUXIMORA = "heluximora-online-learning.yaml";
    public static final String HEMI = "hemi-higher-education.yaml";
    public static final String SCHOOL = "lycee-school-minors.yaml";

    private Examples() {
    }

    public static Path path(String file) {
        Path here = Path.of("examples", file);
        return here.toFile().exists() ? here : Path.of("policy-templates", "examples", file);
    }

    public static PolicyValues values(String file) {
        try {
            return ValuesFile.read(path(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
