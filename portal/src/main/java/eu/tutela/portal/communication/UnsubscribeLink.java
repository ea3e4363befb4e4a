package eu.tutela.portal.communication;

import eu.tutela.portal.consent.ConsentPurpose;

/**
 * What an unsubscribe link found: for a usable one, the institution that sent the message, the purpose the message
 * rested on (its topic, information or news, is what the link stops by e-mail), and whether the link was used.
 */
public record UnsubscribeLink(State state, String tenantName, ConsentPurpose purpose, boolean stopped) {

    public enum State { VALID, UNKNOWN, UNAVAILABLE }

    static UnsubscribeLink unusable(State state) {
        return new UnsubscribeLink(state, null, null, false);
    }
}
