package eu.tutela.portal.people;

/** The orders a list of people may be sorted in, each ending on the id so that paging is stable. */
public enum PeopleSort {
    NAME("family_name, given_name, id"),
    NAME_DESC("family_name desc, given_name desc, id"),
    CLASS("class_name nulls last, family_name, given_name, id"),
    BIRTH_DATE("birth_date nulls last, family_name, given_name, id");

    private final String orderBy;

    PeopleSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
