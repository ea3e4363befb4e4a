package eu.tutela.portal.consent;

/** What taking the purposes from a policy version did: purposes added, updated to its wording, and retired. */
public record PurposeChanges(int added, int updated, int retired) {
}
