package eu.tutela.portal.people;

import java.util.UUID;

/** The processing of a person's data is no longer restricted (GDPR Art. 18(3): whoever asked for it is told). */
public record RestrictionLifted(UUID personId) {
}
