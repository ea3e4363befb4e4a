/**
 * The pages with which an institution runs itself: its settings, its members and their
 * invitations, and the page an invitation link opens. Views only: the rules live in the services of
 * tenancy and security, which refuse what a role may not do.
 */
package eu.tutela.portal.administration;
