package eu.tutela.portal.consent;

import eu.tutela.portal.people.ConsentParties;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.tenancy.ActingPerson;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each person of the tenant of the current work wants to be contacted, for information and for marketing
 * separately. Administrators and the DPO record what a person asked for (on paper, by telephone); every change is in
 * the audit trail. A channel nobody chose keeps the default ({@link ChannelChoices#DEFAULTS}).
 */
@Service
public class ChannelPreferences {

    private final JdbcClient jdbc;
    private final People people;
    private final Caller caller;
    private final ApplicationEventPublisher events;

    ChannelPreferences(JdbcClient jdbc, People people, Caller caller, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.people = people;
        this.caller = caller;
        this.events = events;
    }

    /** @throws InvalidInputException on {@code person} when there is no such person here */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public ChannelChoices of(UUID personId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        known(personId);
        return choices(personId);
    }

    /**
     * Records the channels a person accepts for a topic (all the others of that topic refused).
     *
     * @throws InvalidInputException on {@code person} when there is no such person here, {@code topic} when missing
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public ChannelChoices choose(UUID personId, ChannelTopic topic, Set<Channel> allowed) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return record(personId, known(personId).displayName(), topic, allowed);
    }

    /**
     * Stops one channel of a topic for a person who asked through the unsubscribe link of a message they received: the
     * platform's own work, the link's secret being the proof (the caller checked it). Their other choices stay.
     *
     * @throws InvalidInputException on {@code person} when there is no such person here
     */
    @PreAuthorize("@caller.isSystemWorkOrHas()")
    @Transactional
    public ChannelChoices stop(UUID personId, ChannelTopic topic, Channel channel) {
        String name = people.consentParties(personId).map(ConsentParties::name)
                .orElseThrow(() -> InvalidInputException.of("person", "consent.channels.unknownPerson"));
        Set<Channel> kept = EnumSet.noneOf(Channel.class);
        kept.addAll(choices(personId).allowed().get(topic));
        kept.remove(channel);
        return record(personId, name, topic, kept);
    }

    /** Records the choice, unchecked: for this module's services, which check the caller themselves. */
    ChannelChoices record(UUID personId, String personName, ChannelTopic topic, Set<Channel> allowed) {
        if (topic == null) {
            throw InvalidInputException.of("topic", "consent.channels.topicRequired");
        }
        Set<Channel> chosen = allowed == null || allowed.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(allowed);
        Set<Channel> before = choices(personId).allowed().get(topic);
        if (chosen.equals(before)) {
            return choices(personId);
        }
        UUID by = ActingPerson.current().orElse(null);
        for (Channel channel : Channel.values()) {
            jdbc.sql("""
                            insert into channel_preference (tenant_id, person_id, topic, channel, allowed, updated_by)
                            values (current_tenant_id(), ?, ?, ?, ?, ?)
                            on conflict (tenant_id, person_id, topic, channel)
                            do update set allowed = excluded.allowed, updated_at = now(), updated_by = excluded.updated_by""")
                    .params(personId, topic.name(), channel.name(), chosen.contains(channel), by).update();
        }
        events.publishEvent(AuditedChange.of("consent.channels.chosen", "person", personId, personName,
                Map.of(topic.name(), names(before)), Map.of(topic.name(), names(chosen))));
        return choices(personId);
    }

    /** The person's choices, unchecked: for this module's services, which check the caller themselves. */
    ChannelChoices choices(UUID personId) {
        Map<ChannelTopic, Set<Channel>> allowed = new EnumMap<>(ChannelTopic.class);
        ChannelChoices.DEFAULTS.forEach((topic, channels) -> {
            Set<Channel> copy = EnumSet.noneOf(Channel.class);
            copy.addAll(channels);
            allowed.put(topic, copy);
        });
        jdbc.sql("select topic, channel, allowed from channel_preference where person_id = ?").param(personId).query(rs -> {
            Set<Channel> channels = allowed.get(ChannelTopic.valueOf(rs.getString(1)));
            Channel channel = Channel.valueOf(rs.getString(2));
            if (rs.getBoolean(3)) {
                channels.add(channel);
            } else {
                channels.remove(channel);
            }
        });
        return new ChannelChoices(personId, allowed);
    }

    private Person known(UUID personId) {
        return people.find(personId).orElseThrow(() -> InvalidInputException.of("person", "consent.channels.unknownPerson"));
    }

    private static String names(Set<Channel> channels) {
        return channels.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
