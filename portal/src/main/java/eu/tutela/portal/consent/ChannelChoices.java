package eu.tutela.portal.consent;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The channels a person accepts for each topic (what they chose, else the default: information by e-mail only). */
public record ChannelChoices(UUID personId, Map<ChannelTopic, Set<Channel>> allowed) {

    /** Before a person chooses: information by e-mail (what their account needs), nothing for marketing (no consent yet). */
    static final Map<ChannelTopic, Set<Channel>> DEFAULTS = Map.of(ChannelTopic.INFORMATION, EnumSet.of(Channel.EMAIL),
            ChannelTopic.MARKETING, EnumSet.noneOf(Channel.class));

    public ChannelChoices {
        allowed = Map.copyOf(allowed);
    }

    public boolean allows(ChannelTopic topic, Channel channel) {
        return allowed.getOrDefault(topic, Set.of()).contains(channel);
    }
}
