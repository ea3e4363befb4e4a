package eu.tutela.portal.policy;

import java.util.Optional;

/**
 * The version a member must read and decide on before going on: the one in force, the last version they
 * accepted (to show what changed since), whether their roles let them decline, and whether the
 * plain-language text for pupils is shown to them first.
 */
public record PendingVersion(PolicyVersion version, Optional<Integer> lastAccepted, boolean mayDecline, boolean pupilTextFirst) {
}
