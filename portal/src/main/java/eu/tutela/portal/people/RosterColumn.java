package eu.tutela.portal.people;

/**
 * A field of a person that a roster file may or may not carry. A re-import changes only the fields its file
 * carries: a OneRoster file says nothing of the language, so the language set by hand stays.
 */
enum RosterColumn {
    KIND("kind"), GIVEN_NAME("given_name"), FAMILY_NAME("family_name"), BIRTH_DATE("birth_date"), CLASS_NAME("class_name"),
    EMAIL("email"), PHONE("phone"), LANGUAGE("language"), JOB_FUNCTION("job_function");

    /** The column's name in both the person table and the staging table (a constant, never user input). */
    final String sql;

    RosterColumn(String sql) {
        this.sql = sql;
    }
}
