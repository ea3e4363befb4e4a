package eu.tutela.policy.render;

import eu.tutela.policy.Lang;
import eu.tutela.policy.catalogue.Labels;

import java.util.List;

/**
 * A policy with every variable and clause resolved, still structured by section: the common source
 * of the Markdown, HTML and PDF outputs, and what comparison works on.
 */
public record RenderedPolicy(String templateId, Lang lang, String title, String controllerName, String version,
                             String dateText, List<RenderedSection> sections) {

    public RenderedPolicy {
        sections = List.copyOf(sections);
    }

    /** The whole policy as one Markdown document. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(MarkdownText.escape(title)).append("\n\n");
        md.append("**").append(MarkdownText.escape(controllerName)).append("** · ")
                .append(metaLine()).append("\n\n");
        for (RenderedSection section : sections) {
            md.append("## ").append(section.title()).append("\n\n").append(section.markdown()).append("\n");
        }
        return md.toString();
    }

    /** "Version 3.0 du 2 novembre 2026" / "Version 3.0 of 2 November 2026", escaped for Markdown. */
    String metaLine() {
        return Labels.get().versionLine(MarkdownText.escape(version), dateText, lang);
    }
}
