package eu.tutela.policy.catalogue;

import java.util.List;

/** The title and body of one section, in one language. */
public record SectionText(String id, String title, List<Block> blocks) {
}
