package eu.tutela.portal.jobs;

import java.io.Serializable;
import java.util.UUID;

/** What the engine stores with a queued tenant job: enough to run it for the right tenant and person. */
record TenantJobRun(UUID tenantId, UUID runId, String kind, UUID startedBy, String parameters) implements Serializable {
}
