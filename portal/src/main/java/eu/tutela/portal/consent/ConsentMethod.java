package eu.tutela.portal.consent;

/** How a decision reached the portal: an invitation link, at sign-in, or a paper form entered by staff. */
public enum ConsentMethod {
    LINK, SIGN_IN, PAPER
}
