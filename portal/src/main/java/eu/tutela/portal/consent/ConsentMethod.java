package eu.tutela.portal.consent;

/**
 * How a decision reached the portal: an invitation link, at sign-in, a paper form entered by staff, or a rights request
 * (an objection or a withdrawal) the DPO carried out.
 */
public enum ConsentMethod {
    LINK, SIGN_IN, PAPER, REQUEST
}
