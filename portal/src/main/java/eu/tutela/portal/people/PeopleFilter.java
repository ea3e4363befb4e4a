package eu.tutela.portal.people;

/**
 * Which people to list: {@code text} matches names whatever the accents and case ("helene" finds
 * "Hélène"); each other criterion is ignored when null.
 */
public record PeopleFilter(String text, PersonKind kind, String className, Boolean minor, Boolean active) {

    public static final PeopleFilter ALL = new PeopleFilter(null, null, null, null, null);
}
