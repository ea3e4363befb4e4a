package eu.tutela.policy.catalogue;

import java.util.Map;

/** Everything a template says in one language: the document title, an introduction, and the sections by id. */
public record TemplateText(String title, Map<String, SectionText> sections) {
}
