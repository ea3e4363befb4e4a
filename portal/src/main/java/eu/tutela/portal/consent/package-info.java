/**
 * Consent: what an institution processes personal data for (its purposes, each with a lawful basis, seeded from the
 * active privacy policy) and how each person wants to be contacted (channel preferences). Its face:
 * {@link eu.tutela.portal.consent.ConsentPurposes}, {@link eu.tutela.portal.consent.ChannelPreferences} and their
 * records; its pages are in {@code ui}.
 */
package eu.tutela.portal.consent;
