package eu.tutela.portal.policy;

import eu.tutela.policy.Lang;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.CurrentMembership;
import eu.tutela.portal.security.Member;
import eu.tutela.portal.security.Members;
import eu.tutela.portal.spreadsheet.SpreadsheetCsv;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What members must accept: the version a member has to decide on before going on, their decision
 * (recorded with the language, the text shown, its hash, and how), and for administrators and DPO the
 * dashboard of a version by role, reminders to those who have not decided, the CSV of every decision, and
 * which roles may decline.
 */
@Service
public class PolicyAcceptances {

    private final AcceptanceRepository acceptances;
    private final PolicyRepository policies;
    private final Caller caller;
    private final Members members;
    private final PolicyChangeNotice notice;
    private final TenantSettingsService settings;
    private final ApplicationEventPublisher events;

    PolicyAcceptances(AcceptanceRepository acceptances, PolicyRepository policies, Caller caller, Members members,
            PolicyChangeNotice notice, TenantSettingsService settings, ApplicationEventPublisher events) {
        this.acceptances = acceptances;
        this.policies = policies;
        this.caller = caller;
        this.members = members;
        this.notice = notice;
        this.settings = settings;
        this.events = events;
    }

    /**
     * The version the signed-in member must decide on before going on in this tenant: empty when they have
     * accepted (or declined) the latest version that asks for it, or when the tenant has none.
     */
    @Transactional(readOnly = true)
    public Optional<PendingVersion> pending() {
        return caller.membership().flatMap(member -> {
            AcceptanceRepository.Standing standing = acceptances.standing(member.personId());
            if (!standing.pending()) {
                return Optional.empty();
            }
            PolicyVersion active = policies.version(standing.active()).orElseThrow();
            boolean pupils = member.roles().contains(TenantRole.STUDENT)
                    && policies.text(active.number(), active.languages().getFirst(), TextShown.PUPIL).isPresent();
            return Optional.of(new PendingVersion(active, Optional.ofNullable(standing.lastAccepted()), mayDecline(member), pupils));
        });
    }

    /** The signed-in member's latest decision on the version in force or an earlier one, for their own page. */
    @Transactional(readOnly = true)
    public Optional<Integer> lastAccepted() {
        return caller.membership().map(member -> acceptances.standing(member.personId()).lastAccepted());
    }

    /**
     * Records that the signed-in member accepted the version in force, as shown to them.
     *
     * @throws InvalidInputException on {@code version} when it is not the version in force, or was not
     *         published in that language or text
     */
    @Transactional
    public void accept(int number, Lang lang, TextShown shown, AcceptanceChannel channel) {
        decide("ACCEPTED", number, lang, shown, channel);
    }

    /**
     * Records that the signed-in member declined the version in force.
     *
     * @throws InvalidInputException on {@code decision} when none of their roles may decline
     */
    @Transactional
    public void decline(int number, Lang lang, TextShown shown, AcceptanceChannel channel) {
        if (!mayDecline(caller.require())) {
            throw InvalidInputException.of("decision", "policy.accept.mustAccept");
        }
        decide("DECLINED", number, lang, shown, channel);
    }

    private void decide(String decision, int number, Lang lang, TextShown shown, AcceptanceChannel channel) {
        CurrentMembership member = caller.require();
        PolicyVersion active = policies.active().orElseThrow(() -> InvalidInputException.of("version", "policy.version.unknown"));
        if (active.number() != number || channel == AcceptanceChannel.PUBLISHED) {
            throw InvalidInputException.of("version", "policy.accept.notCurrent");
        }
        PublishedText text = policies.text(number, lang.code(), shown)
                .orElseThrow(() -> InvalidInputException.of("version", "policy.version.unknown"));
        acceptances.insert(member.personId(), number, decision, lang.code(), text.contentHash(), shown, channel);
    }

    /**
     * Records that the signed-in guardian accepted the version in force on behalf of a child of the registry, as the
     * approval of the child's account asks. The consent module has checked that the guardian holds parental
     * responsibility for the child; this records the acceptance, once per child and version.
     *
     * @throws InvalidInputException on {@code version} when it is not the version in force
     */
    @PreAuthorize("@caller.has('GUARDIAN')")
    @Transactional
    public void acceptForChild(UUID childPersonId, int number, Lang lang) {
        CurrentMembership guardian = caller.require(TenantRole.GUARDIAN);
        PolicyVersion active = policies.active().orElseThrow(() -> InvalidInputException.of("version", "policy.version.unknown"));
        if (active.number() != number) {
            throw InvalidInputException.of("version", "policy.accept.notCurrent");
        }
        PublishedText text = policies.text(number, lang.code(), TextShown.FULL)
                .orElseThrow(() -> InvalidInputException.of("version", "policy.version.unknown"));
        acceptances.insertForChild(guardian.personId(), childPersonId, number, lang.code(), text.contentHash());
    }

    /** Whether the version in force was accepted for this child of the registry (by a guardian, on their behalf). */
    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public boolean acceptedForChild(UUID childPersonId) {
        return policies.active().map(active -> acceptances.acceptedForChild(childPersonId, active.number())).orElse(false);
    }

    /** The publisher of a version that asks for acceptance has read it: their publication is their acceptance. */
    void acceptedByPublishing(UUID publisher, int number, Lang lang) {
        policies.text(number, lang.code()).ifPresent(text ->
                acceptances.insert(publisher, number, "ACCEPTED", lang.code(), text.contentHash(), TextShown.FULL, AcceptanceChannel.PUBLISHED));
    }

    /** Per role (in the order of the roles), who accepted this version or a later one, declined, or is yet to decide. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<AcceptanceCounts> dashboard(int number) {
        known(number);
        return acceptances.countsByRole(number);
    }

    /**
     * Mails every member who has not decided on this version yet, in their language, with a link to it.
     *
     * @return how many were reminded
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public int remind(int number) {
        PolicyVersion version = known(number);
        Set<UUID> decided = acceptances.decisions(number).keySet();
        List<Member> pending = members.everyone().stream().filter(m -> !decided.contains(m.userId())).toList();
        notice.remind(settings.current(), version, pending);
        events.publishEvent(AuditedChange.of("policy.reminded", "policy-version", number, "v" + number, Map.of(),
                Map.of("reminded", pending.size())));
        return pending.size();
    }

    /** Every member and their decision on this version (or a later one), as CSV for a spreadsheet. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public void exportCsv(int number, ZoneId zone, OutputStream out) {
        known(number);
        Map<UUID, AcceptanceRepository.PersonDecision> decisions = acceptances.decisions(number);
        SpreadsheetCsv csv = SpreadsheetCsv.to(out, "name", "email", "roles", "decision", "version", "decided_at", "language",
                "text_shown", "channel", "content_hash");
        for (Member member : members.everyone()) {
            String roles = member.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
            AcceptanceRepository.PersonDecision d = decisions.get(member.userId());
            if (d == null) {
                csv.row(member.displayName(), member.email(), roles, "PENDING", "", "", "", "", "", "");
            } else {
                csv.row(member.displayName(), member.email(), roles, d.decision(), d.version(),
                        d.decidedAt().atZone(zone).toOffsetDateTime(), d.lang(), d.textShown(), d.channel(), d.contentHash());
            }
        }
        csv.flush();
    }

    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Set<TenantRole> declineAllowedRoles() {
        return acceptances.declineAllowedRoles();
    }

    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public void allowDecline(Set<TenantRole> roles) {
        Set<TenantRole> before = acceptances.declineAllowedRoles();
        Set<TenantRole> after = roles.isEmpty() ? EnumSet.noneOf(TenantRole.class) : EnumSet.copyOf(roles);
        acceptances.setDeclineAllowedRoles(after);
        events.publishEvent(AuditedChange.of("policy.declineRoles.changed", "policy-rule", "decline", "decline",
                Map.of("roles", names(before)), Map.of("roles", names(after))));
    }

    /** A member may decline only when every role they hold here may: a parent who is also staff must accept. */
    private boolean mayDecline(CurrentMembership member) {
        return acceptances.declineAllowedRoles().containsAll(member.roles());
    }

    private PolicyVersion known(int number) {
        return policies.version(number).orElseThrow(() -> InvalidInputException.of("version", "policy.version.unknown"));
    }

    private static String names(Set<TenantRole> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
