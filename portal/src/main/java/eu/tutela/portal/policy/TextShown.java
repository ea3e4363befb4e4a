package eu.tutela.portal.policy;

/**
 * Which text of a version a person was shown: the full policy, or the plain-language text written for
 * pupils (GDPR Art. 12(1) and Recital 58), which school templates publish beside it.
 */
public enum TextShown { FULL, PUPIL }
