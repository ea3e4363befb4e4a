package eu.tutela.portal.people;

/** What a person is to the institution. */
public enum PersonKind { STUDENT, GUARDIAN, STAFF }
