package eu.tutela.portal.people;

/** What an import will do (its preview) or did: people and links new, changed, unchanged, deactivated or removed. */
public record RosterSummary(int newPeople, int changedPeople, int unchangedPeople, int deactivatedPeople, int newLinks,
        int changedLinks, int removedLinks, int invalidRows) {
}
