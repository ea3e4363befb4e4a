package eu.tutela.portal.people;

import java.util.Locale;
import java.util.Optional;

/**
 * What a OneRoster role means here. Parents and guardians hold parental responsibility unless a link says
 * otherwise; a relative (a grandparent, say) does not. Teachers, administrators, aides and proctors are staff.
 */
record OneRosterRole(PersonKind kind, Relationship relationship, Boolean parentalResponsibility, String jobFunction) {

    static Optional<OneRosterRole> of(String role) {
        String r = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (r) {
            case "student" -> new OneRosterRole(PersonKind.STUDENT, null, null, null);
            case "parent" -> new OneRosterRole(PersonKind.GUARDIAN, Relationship.PARENT, true, null);
            case "guardian" -> new OneRosterRole(PersonKind.GUARDIAN, Relationship.LEGAL_GUARDIAN, true, null);
            case "relative" -> new OneRosterRole(PersonKind.GUARDIAN, Relationship.OTHER, false, null);
            case "teacher", "administrator", "aide", "proctor", "districtadministrator", "siteadministrator",
                 "systemadministrator", "principal", "counselor" -> new OneRosterRole(PersonKind.STAFF, null, null, role.strip());
            default -> null;
        });
    }
}
