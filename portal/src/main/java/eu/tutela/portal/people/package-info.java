/**
 * The people an institution governs data about: students (minors while younger than the institution's age
 * of digital consent, computed when read), guardians and staff, and who is whose guardian. Its face:
 * {@link eu.tutela.portal.people.People} and its records. Roster import comes next on this registry.
 */
package eu.tutela.portal.people;
