package eu.tutela.portal.rights;

import eu.tutela.portal.people.People;
import eu.tutela.portal.privacy.DataSubject;
import java.util.Optional;
import java.util.UUID;

/** A request's subject as every module's provider knows them, from their registry record (read as the DPO or as system work). */
final class SubjectRecord {

    private SubjectRecord() {
    }

    static Optional<DataSubject> of(People people, UUID personId) {
        return Optional.ofNullable(personId).flatMap(people::wholeRecord)
                .map(p -> new DataSubject(p.id(), p.accountUserId(), p.email(), p.displayName()));
    }
}
