package eu.tutela.policy.catalogue;

import java.util.List;

/**
 * One paragraph, bullet list, or bullet list drawn from a list variable, in a section's text.
 * {@code when} (may be null) is a condition: a clause id ("payments"), its negation ("!payments"),
 * a chosen alternative ("core-basis=contract"), "set:variable", "category:HOSTING", "channel:SMS",
 * or "transfers" (some processor outside the EEA).
 */
public record Block(Kind kind, String when, String text, List<Item> items, String each, String where, String heading) {

    public enum Kind { PARAGRAPH, ITEMS, EACH }

    /** A bullet with its own optional condition. */
    public record Item(String when, String text) {
    }
}
