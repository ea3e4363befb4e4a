package eu.tutela.portal.consent;

/**
 * What a message is about: information (the person's account, schooling, the institution's notices) or marketing
 * (offers, news beyond what the person's studies need, which rests on consent). A person chooses channels for each.
 */
public enum ChannelTopic {
    INFORMATION, MARKETING
}
