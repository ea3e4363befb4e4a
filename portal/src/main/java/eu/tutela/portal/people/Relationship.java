package eu.tutela.portal.people;

/** What a guardian is to a child. */
public enum Relationship { MOTHER, FATHER, PARENT, LEGAL_GUARDIAN, OTHER }
