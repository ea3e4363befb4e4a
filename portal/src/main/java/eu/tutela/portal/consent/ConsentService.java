package eu.tutela.portal.consent;

import eu.tutela.portal.jobs.Jobs;
import eu.tutela.portal.people.ConsentParties;
import eu.tutela.portal.people.People;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.policy.PolicyVersions;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.tenancy.ActingPerson;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantRole;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent decisions and what they allow. The one place that says whether a purpose may process a person's data now,
 * and through which channel ({@link #allows}): nothing else decides it.
 *
 * <p>Who decides: a person of age for themself; for a minor (GDPR Art. 8), the guardians holding parental
 * responsibility, never the minor, never a guardian without it. For a minor, one guardian's consent suffices unless
 * another guardian with parental responsibility refused or withdrew (a parent's objection stops the processing, as it
 * would for any act that is not routine), or, where the institution chose so, all of them must consent. When the child comes of age their own decision takes over and the
 * guardians' stay as history. Decisions are added, never changed; a withdrawal is effective at once.
 */
@Service
public class ConsentService {

    private static final int MAX_NOTE = 1000;

    private final DecisionRepository decisions;
    private final PurposeRepository purposes;
    private final ConsentSettingRepository settings;
    private final People people;
    private final PolicyVersions versions;
    private final Caller caller;
    private final ApplicationEventPublisher events;
    private final Jobs jobs;
    private final AllowsQuery allowsQuery;

    ConsentService(DecisionRepository decisions, PurposeRepository purposes, ConsentSettingRepository settings,
            People people, PolicyVersions versions, Caller caller, ApplicationEventPublisher events, Jobs jobs, AllowsQuery allowsQuery) {
        this.jobs = jobs;
        this.allowsQuery = allowsQuery;
        this.decisions = decisions;
        this.purposes = purposes;
        this.settings = settings;
        this.people = people;
        this.versions = versions;
        this.caller = caller;
        this.events = events;
    }

    /**
     * Whether {@code purposeCode} may process this person's data now, and, when {@code channel} is given, reach them
     * through it: an active purpose, consented to by whom it must be when it rests on consent, and a channel the person
     * accepts for what the purpose's messages are about. False for an unknown person or purpose.
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public boolean allows(UUID personId, String purposeCode, Channel channel) {
        Optional<ConsentParties> parties = people.consentParties(personId);
        Optional<AllowsQuery.Facts> facts = parties.isEmpty() || purposeCode == null ? Optional.empty()
                : allowsQuery.facts(personId, purposeCode, channel);
        return facts.isPresent() && allows(parties.get(), facts.get(), channel);
    }

    /**
     * {@link #allows} for many people at once, as a mailing asks it a hundred at a time: the same answer for each, in
     * two statements for all of them. Every id asked has an answer (false for an unknown person).
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public Map<UUID, Boolean> allowsEach(Collection<UUID> personIds, String purposeCode, Channel channel) {
        Map<UUID, ConsentParties> parties = personIds.isEmpty() || purposeCode == null ? Map.of() : people.consentParties(personIds);
        Map<UUID, AllowsQuery.Facts> facts = parties.isEmpty() ? Map.of() : allowsQuery.facts(parties.keySet(), purposeCode, channel);
        Map<UUID, Boolean> answers = new LinkedHashMap<>();
        personIds.forEach(id -> answers.put(id, parties.containsKey(id) && facts.containsKey(id)
                && allows(parties.get(id), facts.get(id), channel)));
        return answers;
    }

    private boolean allows(ConsentParties parties, AllowsQuery.Facts facts, Channel channel) {
        ConsentPurpose purpose = facts.purpose();
        if (purpose.status() != ConsentPurpose.Status.ACTIVE) {
            return false;
        }
        boolean lawful = !purpose.consentRequired() || allowed(purpose, parties, facts.latest(), facts.rule());
        return lawful && (channel == null || facts.channelChoice()
                .orElseGet(() -> ChannelChoices.DEFAULTS.get(purpose.topic()).contains(channel)));
    }

    /**
     * Where each active purpose that needs consent stands for this person, in the purposes' order.
     *
     * @throws InvalidInputException on {@code person} for an unknown person (or another institution's)
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<ConsentState> states(UUID personId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return statesOf(parties(personId));
    }

    /** Where each purpose needing consent stands for these parties (the account only while they are a minor). */
    List<ConsentState> statesOf(ConsentParties parties) {
        List<ConsentDecision> latest = decisions.latest(parties.personId()).stream().map(d -> d.named(nameOf(d.giverId(), parties))).toList();
        List<ConsentState.Holder> holders = holders(parties);
        MinorConsentRule rule = minorRule();
        return purposes.all().stream()
                .filter(p -> p.status() == ConsentPurpose.Status.ACTIVE && p.consentRequired() && (parties.minor() || !p.isAccount()))
                .map(p -> new ConsentState(p, allowed(p, parties, latest, rule),
                        latest.stream().filter(d -> d.purposeId().equals(p.id())).toList(), holders))
                .toList();
    }

    /**
     * The school's view of its minors' consents, class by class: for each purpose that needs consent, how many are
     * allowed, refused, awaiting an answer, or have no guardian who could give one.
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public List<ClassConsents> byClass() {
        caller.require(TenantRole.ADMIN, TenantRole.DPO, TenantRole.STAFF);
        List<ConsentPurpose> needed = purposes.all().stream()
                .filter(p -> p.status() == ConsentPurpose.Status.ACTIVE && p.consentRequired()).toList();
        Map<UUID, List<ConsentDecision>> latest = new HashMap<>();
        decisions.latestOfEveryone().forEach(d -> latest.computeIfAbsent(d.subjectId(), id -> new ArrayList<>()).add(d));
        MinorConsentRule rule = minorRule();
        Map<String, List<ConsentParties>> classes = new LinkedHashMap<>();
        people.minorsForConsent().forEach(minor -> classes.computeIfAbsent(minor.className(), c -> new ArrayList<>()).add(minor));
        List<ClassConsents> result = new ArrayList<>();
        classes.forEach((className, pupils) -> result.add(new ClassConsents(className, pupils.size(), needed.stream().map(purpose -> {
            int allowed = 0;
            int refused = 0;
            int awaiting = 0;
            int without = 0;
            for (ConsentParties pupil : pupils) {
                List<ConsentDecision> theirs = latest.getOrDefault(pupil.personId(), List.of());
                if (allowed(purpose, pupil, theirs, rule)) {
                    allowed++;
                } else if (pupil.responsibleGuardians().isEmpty()) {
                    without++;
                } else if (theirs.stream().anyMatch(d -> d.purposeId().equals(purpose.id()) && d.decision() != Decision.GIVEN)) {
                    refused++;
                } else {
                    awaiting++;
                }
            }
            return new ClassConsents.Counts(purpose, allowed, refused, awaiting, without);
        }).toList())));
        return result;
    }

    /** Every decision about this person, newest first. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<ConsentDecision> history(UUID personId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return historyOf(parties(personId));
    }

    List<ConsentDecision> historyOf(ConsentParties parties) {
        return decisions.history(parties.personId()).stream().map(d -> d.named(nameOf(d.giverId(), parties))).toList();
    }

    /**
     * Turns a purpose off for the person at a rights request's asking (an objection, GDPR Art. 21; a withdrawal, Art.
     * 7(3)): the requester's own decision, withdrawn where they had given consent and a refusal otherwise, noted with the
     * request. Turning off what is off already records nothing new.
     *
     * @throws InvalidInputException on {@code person}, {@code purpose} (unknown, or one that needs no consent), {@code giver}
     *         (not the person of age, nor a guardian with parental responsibility)
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public ConsentDecision turnOffOnRequest(UUID personId, UUID giverId, UUID purposeId, String note) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        ConsentParties parties = parties(personId);
        boolean given = decisions.latest(personId, purposeId, giverId).map(d -> d.decision() == Decision.GIVEN).orElse(false);
        return decide(parties, giverId, purposeId, given ? Decision.WITHDRAWN : Decision.REFUSED, ConsentMethod.REQUEST, note);
    }

    /**
     * Records a decision made on a paper form, as staff enter it: the same decision again (a second click, a form
     * entered twice) records nothing new.
     *
     * @throws InvalidInputException on {@code person}, {@code purpose}, {@code giver}, {@code decision} or {@code note}
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public ConsentDecision recordOnPaper(UUID personId, UUID giverId, UUID purposeId, Decision decision, String note) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        String clean = note == null ? "" : note.strip();
        if (clean.isEmpty()) {
            throw InvalidInputException.of("note", "consent.note.required");
        }
        if (clean.length() > MAX_NOTE || clean.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw InvalidInputException.of("note", clean.length() > MAX_NOTE ? "consent.note.tooLong" : "consent.purpose.control");
        }
        return decide(parties(personId), giverId, purposeId, decision, ConsentMethod.PAPER, clean);
    }

    /**
     * Records a decision about these parties by one of them, checked: the same decision again records nothing new. A
     * decision on a minor's account is followed by the account's settling (an invitation, or the school told).
     */
    ConsentDecision decide(ConsentParties parties, UUID giverId, UUID purposeId, Decision decision, ConsentMethod method, String note) {
        UUID personId = parties.personId();
        ConsentPurpose purpose = purposes.find(purposeId).orElseThrow(() -> InvalidInputException.of("purpose", "consent.purpose.unknown"));
        if (purpose.status() != ConsentPurpose.Status.ACTIVE || !purpose.consentRequired()) {
            throw InvalidInputException.of("purpose", "consent.purpose.noConsentHere");
        }
        checkGiver(parties, giverId);
        if (decision == null) {
            throw InvalidInputException.of("decision", "consent.decision.required");
        }
        PolicyVersion policy = versions.active().orElseThrow(() -> InvalidInputException.of("purpose", "consent.purposes.noPolicy"));
        decisions.lock(personId);
        Optional<ConsentDecision> before = decisions.latest(personId, purposeId, giverId);
        if (decision == Decision.WITHDRAWN && before.map(d -> d.decision() != Decision.GIVEN).orElse(true)) {
            throw InvalidInputException.of("decision", "consent.decision.nothingToWithdraw");
        }
        if (before.isPresent() && before.get().decision() == decision) {
            return before.get().named(nameOf(giverId, parties));
        }
        String lang = policy.languages().contains("fr") ? "fr" : policy.languages().getFirst();
        ConsentDecision recorded = new ConsentDecision(UUID.randomUUID(), personId, giverId, nameOf(giverId, parties), purposeId, decision,
                policy.number(), policy.contentHashes().get(lang), lang, method, note, ActingPerson.current().orElse(null),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        decisions.insert(recorded);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("purpose", purpose.code());
        after.put("decision", decision.name());
        after.put("giver", recorded.giverName());
        after.put("method", method.name());
        after.put("policyVersion", policy.number());
        events.publishEvent(AuditedChange.of("consent.decided", "person", personId, parties.name(),
                before.<Map<String, Object>>map(d -> Map.of("decision", d.decision().name())).orElse(Map.of()), after));
        events.publishEvent(new ConsentDecided(TenantContext.current().orElseThrow(), personId, giverId, purposeId, decision,
                allowed(purpose, parties, decisions.latest(personId), minorRule())));
        if (purpose.isAccount()) {
            jobs.start(ChildAccountJob.KIND, recorded.id().toString());
        }
        return recorded;
    }

    boolean purposeIsAccount(UUID purposeId) {
        return purposes.find(purposeId).map(ConsentPurpose::isAccount).orElse(false);
    }

    /** Who may decide for this person now: a minor's guardians with parental responsibility, else the person. */
    private static void checkGiver(ConsentParties parties, UUID giverId) {
        if (giverId == null) {
            throw InvalidInputException.of("giver", "consent.giver.required");
        }
        if (!parties.minor()) {
            if (!giverId.equals(parties.personId())) {
                throw InvalidInputException.of("giver", "consent.giver.ofAge");
            }
            return;
        }
        if (giverId.equals(parties.personId())) {
            throw InvalidInputException.of("giver", "consent.giver.minorSelf");
        }
        ConsentParties.Party guardian = parties.guardians().stream().filter(g -> g.id().equals(giverId)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("giver", "consent.giver.notLinked"));
        if (!guardian.parentalResponsibility()) {
            throw InvalidInputException.of("giver", "consent.giver.noResponsibility");
        }
    }

    static boolean allowed(ConsentPurpose purpose, ConsentParties parties, List<ConsentDecision> latest, MinorConsentRule rule) {
        if (purpose.isAccount() && !parties.minor()) {
            // Art. 8 asks a guardian's consent for a child's account only; a person of age is invited to theirs.
            return true;
        }
        List<ConsentDecision> forPurpose = latest.stream().filter(d -> d.purposeId().equals(purpose.id())).toList();
        if (!parties.minor()) {
            return forPurpose.stream().anyMatch(d -> d.giverId().equals(parties.personId()) && d.decision() == Decision.GIVEN);
        }
        List<UUID> responsible = parties.responsibleGuardians().stream().map(ConsentParties.Party::id).toList();
        List<ConsentDecision> theirs = forPurpose.stream().filter(d -> responsible.contains(d.giverId())).toList();
        boolean noObjection = theirs.stream().noneMatch(d -> d.decision() != Decision.GIVEN);
        return switch (rule) {
            case ONE_GUARDIAN -> noObjection && !theirs.isEmpty();
            case ALL_GUARDIANS -> noObjection && !responsible.isEmpty() && theirs.size() == responsible.size();
        };
    }

    /** How this institution takes a minor's consent (one guardian unless another objects, unless it chose all). */
    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public MinorConsentRule minorRule() {
        return settings.allGuardians() ? MinorConsentRule.ALL_GUARDIANS : MinorConsentRule.ONE_GUARDIAN;
    }

    /** Chooses how a minor's consent is taken; it applies at once to every consent already recorded. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public void chooseMinorRule(MinorConsentRule rule) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        if (rule == null) {
            throw InvalidInputException.of("rule", "consent.rule.required");
        }
        MinorConsentRule before = minorRule();
        if (rule != before) {
            settings.allGuardians(rule == MinorConsentRule.ALL_GUARDIANS, ActingPerson.current().orElse(null));
            events.publishEvent(AuditedChange.of("consent.rule.changed", "consent-setting", null, "consent",
                    Map.of("rule", before.name()), Map.of("rule", rule.name())));
        }
    }

    private static List<ConsentState.Holder> holders(ConsentParties parties) {
        List<ConsentState.Holder> holders = new ArrayList<>();
        if (parties.minor()) {
            parties.responsibleGuardians().forEach(g -> holders.add(new ConsentState.Holder(g.id(), g.name(), false)));
        } else {
            holders.add(new ConsentState.Holder(parties.personId(), parties.name(), true));
        }
        return holders;
    }

    /** How the history names a giver: a guardian unlinked since is no longer among the parties. */
    static String nameOf(UUID giverId, ConsentParties parties) {
        if (giverId.equals(parties.personId())) {
            return parties.name();
        }
        return parties.guardians().stream().filter(g -> g.id().equals(giverId)).map(ConsentParties.Party::name).findFirst()
                .orElse("—");
    }

    private ConsentParties parties(UUID personId) {
        return people.consentParties(personId).orElseThrow(() -> InvalidInputException.of("person", "consent.person.unknown"));
    }
}
