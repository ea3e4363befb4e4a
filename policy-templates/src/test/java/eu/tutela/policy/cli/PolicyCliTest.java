package eu.tutela.policy.cli;

import eu.tutela.policy.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit codes, output on success, and no output at all on error. */
class PolicyCliTest {

    record Run(int code, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PolicyCli.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rendersHtmlMarkdownAndPdf() {
        String values = Examples.path(Examples.HEMI).toString();
        Run html = run("render", "--template", "higher-education", "--values", values, "--lang", "fr", "--format", "html");
        assertThat(html.code()).isZero();
        assertThat(html.outText()).startsWith("<!DOCTYPE html>").contains("Haute École des Mines");
        Run md = run("render", "--template", "higher-education", "--values", values, "--lang", "en", "--format", "md");
        assertThat(md.outText()).startsWith("# Privacy policy");
        Run pdf = run("render", "--template", "higher-education", "--values", values, "--format", "pdf");
        assertThat(new String(pdf.out(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void badValuesExitNonZeroNameTheVariableAndWriteNothing(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Examples.path(Examples.HEMI))
                .replace("contact@hemi.example", "not-an-email")
                .replace("retention.account: 5 ans", "retention.account: -3 months")
                .replace("controller.country: FR", "controller.country: XX")
                .replace("clauses:", "free-text:\n  security: \"<iframe src=x></iframe>\"\nclauses:")
                .replace("  dpo.email: dpo@hemi.example\n", ""));
        Path output = dir.resolve("out.html");
        Run r = run("render", "--template", "higher-education", "--values", bad.toString(), "--lang", "en", "-o", output.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(output).doesNotExist();
        assertThat(r.err()).contains("\"contact.email\"", "\"retention.account\"", "\"controller.country\"", "\"security\"", "\"dpo.email\"");

        Run validate = run("validate", "--template", "higher-education", "--values", bad.toString(), "--lang", "fr");
        assertThat(validate.code()).isEqualTo(1);
        assertThat(validate.out()).isEmpty();
        assertThat(validate.err().lines()).hasSize(5).anySatisfy(l -> assertThat(l).contains("n’est pas une durée positive"));
    }

    @Test
    void anUnknownTemplateIsNamed() {
        Run r = run("render", "--template", "kindergarten", "--values", Examples.path(Examples.HEMI).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("« kindergarten » n’existe pas");
    }

    @Test
    void aMissingValuesFileAndABadFormat() {
        Run missing = run("render", "--template", "higher-education", "--values", "/nonexistent.yaml", "--lang", "en");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("Cannot read the values file /nonexistent.yaml");
        Run format = run("render", "--template", "higher-education", "--values", Examples.path(Examples.HEMI).toString(), "--format", "docx");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.out()).isEmpty();
    }

    @Test
    void anUnknownLanguageIsABadCommandLineAndMessagesFollowTheLanguage() {
        String values = Examples.path(Examples.HELUXIMORA).toString();
        Run de = run("validate", "--template", "online-learning", "--values", values, "--lang", "de");
        assertThat(de.code()).isEqualTo(2);
        assertThat(de.out()).isEmpty();
        assertThat(de.err()).contains("Unknown language 'de'");
        Run renderDe = run("render", "--template", "online-learning", "--values", values, "--lang", "de");
        assertThat(renderDe.code()).isEqualTo(2);
        assertThat(renderDe.out()).isEmpty();

        Run fr = run("validate", "--template", "online-learning", "--values", values, "--lang", "fr");
        assertThat(fr.code()).isZero();
        assertThat(fr.outText()).isEqualTo("Aucun problème." + System.lineSeparator());
        Run missing = run("validate", "--template", "online-learning", "--values", "/nonexistent.yaml", "--lang", "fr");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("Impossible de lire le fichier de valeurs /nonexistent.yaml");
    }

    @Test
    void validateSaysWhenAllIsWell() {
        Run r = run("validate", "--template", "online-learning", "--values", Examples.path(Examples.HELUXIMORA).toString(), "--lang", "en");
        assertThat(r.code()).isZero();
        assertThat(r.outText()).isEqualTo("No problems." + System.lineSeparator());
    }
}
