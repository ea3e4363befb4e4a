/**
 * Communication: the messages an institution sends its students and families for a purpose (its news…), each person
 * written to only when {@link eu.tutela.portal.consent.ConsentService#allows} says so for that purpose and e-mail. Its
 * face: {@link eu.tutela.portal.communication.Mailings} and its records; its page is in {@code ui}.
 */
package eu.tutela.portal.communication;
