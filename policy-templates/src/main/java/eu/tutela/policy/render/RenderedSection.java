package eu.tutela.policy.render;

import eu.tutela.policy.catalogue.Topic;

/** One section of a rendered policy: its numbered title and its body in Markdown (no heading). */
public record RenderedSection(String id, Topic topic, String title, String markdown) {
}
