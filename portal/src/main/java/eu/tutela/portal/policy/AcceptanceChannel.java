package eu.tutela.portal.policy;

/** How a decision on a version was made: at the sign-in gate, from the link of an e-mail, or by publishing it. */
public enum AcceptanceChannel { SIGN_IN, EMAIL_LINK, PUBLISHED }
