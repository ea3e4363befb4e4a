package eu.tutela.portal.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded decision, never changed: who ({@code giverId}, {@code giverName}) decided for whom ({@code subjectId};
 * the same person, or a guardian on a child's behalf), about which purpose, under which version of the policy and the
 * SHA-256 of its text, when and how; {@code note} says where a paper form is.
 */
public record ConsentDecision(UUID id, UUID subjectId, UUID giverId, String giverName, UUID purposeId, Decision decision,
        int policyVersion, String policyHash, String lang, ConsentMethod method, String note, UUID recordedBy, Instant recordedAt) {

    ConsentDecision named(String name) {
        return new ConsentDecision(id, subjectId, giverId, name, purposeId, decision, policyVersion, policyHash, lang, method, note,
                recordedBy, recordedAt);
    }

    public boolean onBehalf() {
        return !giverId.equals(subjectId);
    }
}
