package eu.tutela.portal.policy;

import java.time.Instant;

/**
 * The draft of an institution's next policy version, as last saved. {@code revision} is what the next
 * save must name (see {@link PolicyDrafts#save}); {@code updatedBy} is the name of whoever saved it.
 */
public record PolicyDraft(String templateId, DraftContent content, int revision, Instant updatedAt, String updatedBy) {
}
