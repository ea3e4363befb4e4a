package eu.tutela.policy.bench;

import eu.tutela.policy.Examples;
import eu.tutela.policy.Lang;
import eu.tutela.policy.Rendering;
import eu.tutela.policy.variables.PolicyValues;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Rendering time of one policy (seed 004's values, French): median of 100 renderings after warm-up,
 * for HTML (validation + resolution + Markdown + sanitising + hash) and PDF (from that HTML), with
 * two baselines from the same run: the Markdown-only rendering (resolution without validation, HTML or
 * hash) and the raw commonmark conversion of the same text. Not a test: run it on demand (see BENCHMARKS.md).
 */
public final class RenderBenchmark {

    private static final int WARM_UP = 100;
    private static final int RUNS = 100;

    public static void main(String[] args) {
        PolicyValues values = Examples.values(Examples.HEMI);
        Rendering rendering = Examples.LIBRARY.render(values, Lang.FR);
        String markdown = rendering.markdown();
        Parser parser = Parser.builder().build();
        HtmlRenderer commonmark = HtmlRenderer.builder().build();

        report("commonmark_raw_html", () -> commonmark.render(parser.parse(markdown)));
        var template = Examples.LIBRARY.template(values.templateId());
        report("policy_markdown_only", () -> eu.tutela.policy.render.PolicyRenderer.render(template, values, Lang.FR).markdown());
        report("policy_html", () -> Examples.LIBRARY.render(values, Lang.FR).html());
        report("policy_pdf", rendering::pdf);
        System.out.println("BENCH policy_pdf_size " + rendering.pdf().length / 1024 + " KiB");
    }

    private static void report(String name, Supplier<Object> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Object result = work.get();
            nanos[i] = System.nanoTime() - start;
            if (result == null) {
                throw new IllegalStateException(name + " produced nothing");
            }
        }
        Arrays.sort(nanos);
        double medianMs = (nanos[RUNS / 2 - 1] + nanos[RUNS / 2]) / 2.0 / 1_000_000.0;
        System.out.printf(java.util.Locale.ROOT, "BENCH %s %.3f ms%n", name, medianMs);
    }
}
