package eu.tutela.portal.people;

import java.time.LocalDate;
import java.util.Set;

/** Where a roster reader hands what it finds, row by row, as it streams through the files. */
interface RosterSink {

    /** The fields the files carry (the others stay as they are), and whether they say who is whose guardian. */
    void carries(Set<RosterColumn> columns, boolean links);

    void person(StagedPerson person);

    /** A birth date given apart from the person (OneRoster's demographics file). */
    void birthDate(String file, long line, String externalId, LocalDate birthDate);

    /** A role given apart from the person (OneRoster 1.2's roles file). */
    void role(String file, long line, String externalId, OneRosterRole role);

    /** Two people linked; which one is the guardian is told by their kinds. */
    void link(String file, long line, String fromExternalId, String toExternalId, Relationship relationship,
            Boolean parentalResponsibility);

    /** A row left out, and why; {@code externalId} (when known) keeps that person from being deactivated. */
    void problem(String file, long line, String externalId, String field, String key, String detail);
}
