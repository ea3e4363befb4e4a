/**
 * An institution's privacy policy: the draft made from a template of the catalogue
 * ({@code policy-templates}), the versions published from it (their text in every language, never
 * changed again), the public page that serves them to anyone, and what people must accept.
 *
 * <p>Its face: {@link eu.tutela.portal.policy.PolicyDrafts} (the editor's service),
 * {@link eu.tutela.portal.policy.PolicyPublication} (publishing), {@link eu.tutela.portal.policy.PolicyVersions}
 * (history, texts, comparison), {@link eu.tutela.portal.policy.PolicyAcceptances} (who must accept what, decisions,
 * dashboard, reminders) and the event {@link eu.tutela.portal.policy.PolicyPublished}. Its pages put a member with a
 * version to accept in front of it first, through the shell's {@link eu.tutela.portal.shell.EntryRequirement}.
 */
package eu.tutela.portal.policy;
