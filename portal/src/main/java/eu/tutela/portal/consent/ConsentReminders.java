package eu.tutela.portal.consent;

import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.notification.PortalAddress;
import eu.tutela.portal.people.ConsentParties;
import eu.tutela.portal.people.People;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.Invitation;
import eu.tutela.portal.security.Invitations;
import eu.tutela.portal.tenancy.ActingPerson;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminding the guardians whose answer a minor's consent still awaits: a guardian with parental responsibility, already
 * invited or with an account, who has not answered a purpose that is neither allowed nor refused for the child. One
 * mail per guardian whatever the number of children; one a week at most, however often the school asks. A guardian
 * who has not joined yet gets their invitation again (a fresh link: the old one may have expired); the others, a
 * reminder that leads to "My privacy".
 */
@Service
public class ConsentReminders {

    /** Nobody is reminded twice within this time. */
    static final Duration QUIET = Duration.ofDays(7);

    private final People people;
    private final ConsentService consents;
    private final PurposeRepository purposes;
    private final DecisionRepository decisions;
    private final Invitations invitations;
    private final Outbox outbox;
    private final PortalAddress address;
    private final TenantSettingsService settings;
    private final JdbcClient jdbc;
    private final Caller caller;
    private final ApplicationEventPublisher events;

    ConsentReminders(People people, ConsentService consents, PurposeRepository purposes, DecisionRepository decisions,
            Invitations invitations, Outbox outbox, PortalAddress address, TenantSettingsService settings, JdbcClient jdbc,
            Caller caller, ApplicationEventPublisher events) {
        this.people = people;
        this.consents = consents;
        this.purposes = purposes;
        this.decisions = decisions;
        this.invitations = invitations;
        this.outbox = outbox;
        this.address = address;
        this.settings = settings;
        this.jdbc = jdbc;
        this.caller = caller;
        this.events = events;
    }

    /** A guardian whose answer is awaited, with the children (by name) it is awaited for. */
    public record Awaited(UUID guardianId, String name, String email, String language, boolean hasAccount, List<String> children) {
    }

    /**
     * The guardians to remind now for this class's minors (null: every class), by name: not those reminded in the last
     * week, not those never invited (they are to invite first).
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<Awaited> awaited(String className) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        List<ConsentPurpose> needed = purposes.all().stream()
                .filter(p -> p.status() == ConsentPurpose.Status.ACTIVE && p.consentRequired()).toList();
        Map<UUID, List<ConsentDecision>> latest = new HashMap<>();
        decisions.latestOfEveryone().forEach(d -> latest.computeIfAbsent(d.subjectId(), id -> new ArrayList<>()).add(d));
        MinorConsentRule rule = consents.minorRule();
        Map<UUID, Invitation> invited = invitations.ofRegistry();
        Set<UUID> quiet = new HashSet<>(jdbc.sql("select guardian_id from consent_reminder where sent_at > now() - cast(? as interval)")
                .param(QUIET.toDays() + " days").query(UUID.class).list());
        Map<UUID, Awaited> awaited = new LinkedHashMap<>();
        for (ConsentParties minor : people.minorsForConsent()) {
            if (className != null && !className.equals(minor.className())) {
                continue;
            }
            List<ConsentDecision> theirs = latest.getOrDefault(minor.personId(), List.of());
            List<ConsentPurpose> open = needed.stream().filter(p -> !ConsentService.allowed(p, minor, theirs, rule)
                    && theirs.stream().noneMatch(d -> d.purposeId().equals(p.id()) && d.decision() != Decision.GIVEN)).toList();
            for (ConsentParties.Party g : minor.responsibleGuardians()) {
                boolean reachable = g.email() != null && (g.hasAccount() || invited.containsKey(g.id())) && !quiet.contains(g.id());
                boolean unanswered = open.stream().anyMatch(p -> theirs.stream()
                        .noneMatch(d -> d.purposeId().equals(p.id()) && d.giverId().equals(g.id())));
                if (reachable && unanswered) {
                    awaited.computeIfAbsent(g.id(), id -> new Awaited(id, g.name(), g.email(), g.language(), g.hasAccount(),
                            new ArrayList<>())).children().add(minor.name());
                }
            }
        }
        return awaited.values().stream().sorted(Comparator.comparing(Awaited::name)).toList();
    }

    /** Reminds everyone {@link #awaited} for this class (null: every class); returns how many guardians were reminded. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public int remind(String className) {
        List<Awaited> awaited = awaited(className);
        TenantSettings tenant = settings.current();
        UUID by = ActingPerson.current().orElse(null);
        for (Awaited a : awaited) {
            if (a.hasAccount()) {
                String children = String.join(", ", a.children());
                outbox.send(new Mail(a.email(), Locale.of(a.language() == null ? tenant.languages().getFirst() : a.language()),
                        Mail.text("consent.remind.mail.subject", tenant.displayName()),
                        List.of(Mail.text("consent.remind.mail.body", children, tenant.displayName()), Mail.text("consent.remind.mail.withdraw")),
                        Mail.text("consent.remind.mail.action"), address.base() + "/t/" + tenant.slug() + "/my-privacy"));
            } else {
                invitations.inviteToRegistry(a.guardianId(), a.email(), TenantRole.GUARDIAN, a.language(), a.children());
            }
            jdbc.sql("insert into consent_reminder (tenant_id, guardian_id, sent_by) values (current_tenant_id(), ?, ?)")
                    .params(a.guardianId(), by).update();
        }
        if (!awaited.isEmpty()) {
            events.publishEvent(AuditedChange.of("consent.reminded", "class", className == null ? "*" : className,
                    className == null ? "*" : className, Map.of(), Map.of("guardians", awaited.size())));
        }
        return awaited.size();
    }
}
