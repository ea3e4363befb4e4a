package eu.tutela.portal.consent;

import eu.tutela.policy.Lang;
import eu.tutela.portal.people.ConsentParties;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.policy.PolicyAcceptances;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.policy.PolicyVersions;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.CurrentMembership;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My privacy": what a signed-in guardian or student sees of the consents that concern them and decides. A guardian
 * sees each child they are linked to and decides for those they hold parental responsibility for while they are minors
 * (approving their account and each purpose, confirming with their own name, and accepting the policy on the child's
 * behalf); a student of age decides for themself; a minor sees where they stand and who decides. Withdrawing is one
 * action. Nobody reaches a person who is not theirs: every method works from the caller's own record in the registry.
 */
@Service
public class FamilyConsents {

    private final ConsentService consents;
    private final People people;
    private final PolicyVersions versions;
    private final PolicyAcceptances acceptances;
    private final ChannelPreferences channels;
    private final Caller caller;

    FamilyConsents(ConsentService consents, People people, PolicyVersions versions, PolicyAcceptances acceptances,
            ChannelPreferences channels, Caller caller) {
        this.consents = consents;
        this.channels = channels;
        this.people = people;
        this.versions = versions;
        this.acceptances = acceptances;
        this.caller = caller;
    }

    /** Why someone may, or may not, decide about a person. */
    public enum Standing {
        /** The person themself, of age; or a guardian with parental responsibility for a minor. */
        DECIDES,
        /** A guardian linked without parental responsibility: they see the child but cannot consent. */
        NO_RESPONSIBILITY,
        /** A minor: their guardians decide until they reach the institution's age of digital consent. */
        MINOR_SELF,
        /** A guardian of a child who came of age: the child decides now; the guardian's decisions stay as history. */
        OF_AGE
    }

    /** One person whose consents the caller sees: themself or a child. */
    public record Subject(ConsentParties person, boolean self, Standing standing, List<ConsentState> states,
            List<ConsentDecision> history, boolean policyAcceptedForChild, ChannelChoices channels) {

        public boolean mayDecide() {
            return standing == Standing.DECIDES;
        }

        /**
         * A student who came of age and has not answered for themself yet: others decided for them until now (their
         * decisions stay as history) and the consents they gave no longer count, so the student is asked.
         */
        public boolean ownAnswerAwaited() {
            UUID id = person.personId();
            return self && standing == Standing.DECIDES && !states.isEmpty() && history.stream().anyMatch(d -> !d.giverId().equals(id))
                    && history.stream().noneMatch(d -> d.giverId().equals(id));
        }
    }

    /** The caller's own record (empty when their account is linked to nobody here), the policy in force and whom they see. */
    public record MyPrivacy(Optional<ConsentParties> me, Optional<PolicyVersion> policy, List<Subject> subjects) {
    }

    @PreAuthorize("@caller.has('GUARDIAN', 'STUDENT')")
    @Transactional(readOnly = true)
    public MyPrivacy mine() {
        CurrentMembership member = caller.require(TenantRole.GUARDIAN, TenantRole.STUDENT);
        Optional<ConsentParties> me = people.myself();
        if (me.isEmpty()) {
            return new MyPrivacy(me, versions.active(), List.of());
        }
        List<Subject> subjects = new ArrayList<>();
        if (me.get().kind() == PersonKind.STUDENT) {
            subjects.add(subject(me.get(), me.get()));
        }
        if (member.hasAny(TenantRole.GUARDIAN)) {
            people.myChildren().forEach(child -> subjects.add(subject(child, me.get())));
        }
        return new MyPrivacy(me, versions.active(), subjects);
    }

    /**
     * Whether the caller is a student who came of age and must now answer for themself (asked at their next sign-in,
     * GDPR Art. 8). False for anyone else.
     */
    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public boolean ownAnswerAwaited() {
        if (!caller.require().hasAny(TenantRole.STUDENT)) {
            return false;
        }
        return people.myself().filter(me -> me.kind() == PersonKind.STUDENT && !me.minor())
                .map(me -> subject(me, me).ownAnswerAwaited()).orElse(false);
    }

    /**
     * Records the caller's answers about one person (themself, or a child), confirmed with their own name; approving a
     * minor's account also accepts the policy in force on the child's behalf, which {@code policyAccepted} confirms.
     * The same answer again records nothing new.
     *
     * @param lang the language the policy was shown in
     * @throws InvalidInputException on {@code person} (not theirs, or not theirs to decide for), {@code answers} (none,
     *         or a purpose that needs no consent), {@code name} (not their name) or {@code policy} (not accepted)
     */
    @PreAuthorize("@caller.has('GUARDIAN', 'STUDENT')")
    @Transactional
    public List<ConsentDecision> answer(UUID subjectId, Map<UUID, Decision> answers, String typedName, boolean policyAccepted, Lang lang) {
        caller.require(TenantRole.GUARDIAN, TenantRole.STUDENT);
        Decider decider = decider(subjectId);
        if (answers == null || answers.isEmpty() || answers.values().stream().anyMatch(d -> d == null || d == Decision.WITHDRAWN)) {
            throw InvalidInputException.of("answers", "consent.answers.none");
        }
        if (!sameName(typedName, decider.me().name())) {
            throw InvalidInputException.of("name", "consent.confirm.name");
        }
        ConsentParties subject = decider.subject();
        boolean approvesAccount = answers.entrySet().stream().anyMatch(a -> a.getValue() == Decision.GIVEN
                && consents.purposeIsAccount(a.getKey()));
        if (subject.minor() && approvesAccount) {
            if (!policyAccepted) {
                throw InvalidInputException.of("policy", "consent.confirm.policy");
            }
            PolicyVersion policy = versions.active().orElseThrow(() -> InvalidInputException.of("policy", "consent.purposes.noPolicy"));
            acceptances.acceptForChild(subject.personId(), policy.number(), lang == null ? Lang.FR : lang);
        }
        List<ConsentDecision> recorded = new ArrayList<>();
        answers.forEach((purposeId, decision) ->
                recorded.add(consents.decide(subject, decider.me().personId(), purposeId, decision, ConsentMethod.SIGN_IN, null)));
        return recorded;
    }

    /**
     * Withdraws the caller's consent to one purpose for one person, at once: one action, as easy as giving it.
     *
     * @throws InvalidInputException on {@code person} (not theirs to decide for) or {@code decision} (nothing to withdraw)
     */
    @PreAuthorize("@caller.has('GUARDIAN', 'STUDENT')")
    @Transactional
    public ConsentDecision withdraw(UUID subjectId, UUID purposeId) {
        caller.require(TenantRole.GUARDIAN, TenantRole.STUDENT);
        Decider decider = decider(subjectId);
        return consents.decide(decider.subject(), decider.me().personId(), purposeId, Decision.WITHDRAWN, ConsentMethod.SIGN_IN, null);
    }

    /**
     * Records how the institution may contact the caller, or a child they decide for, about a topic: the channels
     * accepted, all the others refused (in the audit trail, as when the school records it).
     *
     * @throws InvalidInputException on {@code person} (not theirs to decide for) or {@code topic}
     */
    @PreAuthorize("@caller.has('GUARDIAN', 'STUDENT')")
    @Transactional
    public ChannelChoices chooseChannels(UUID subjectId, ChannelTopic topic, Set<Channel> allowed) {
        caller.require(TenantRole.GUARDIAN, TenantRole.STUDENT);
        ConsentParties subject = decider(subjectId).subject();
        return channels.record(subject.personId(), subject.name(), topic, allowed);
    }

    /** This person, when they are the caller or a child the caller is linked to: whose receipts the caller may read. */
    Optional<ConsentParties> seenByCaller(UUID subjectId) {
        return seen(subjectId).map(Seen::subject);
    }

    private record Decider(ConsentParties me, ConsentParties subject) {
    }

    private Decider decider(UUID subjectId) {
        Seen seen = seen(subjectId).orElseThrow(() -> InvalidInputException.of("person", "consent.person.notYours"));
        Standing standing = standing(seen.subject(), seen.me());
        if (standing != Standing.DECIDES) {
            throw InvalidInputException.of("person", "consent.standing." + standing.name());
        }
        return new Decider(seen.me(), seen.subject());
    }

    private record Seen(ConsentParties me, ConsentParties subject) {
    }

    private Optional<Seen> seen(UUID subjectId) {
        Optional<ConsentParties> me = people.myself();
        if (me.isEmpty() || subjectId == null) {
            return Optional.empty();
        }
        if (me.get().personId().equals(subjectId)) {
            return Optional.of(new Seen(me.get(), me.get()));
        }
        if (!caller.require().hasAny(TenantRole.GUARDIAN)) {
            return Optional.empty();
        }
        return people.myChildren().stream().filter(c -> c.personId().equals(subjectId)).findFirst().map(c -> new Seen(me.get(), c));
    }

    private Subject subject(ConsentParties person, ConsentParties me) {
        boolean self = person.personId().equals(me.personId());
        return new Subject(person, self, standing(person, me), consents.statesOf(person), consents.historyOf(person),
                person.minor() && acceptances.acceptedForChild(person.personId()), channels.choices(person.personId()));
    }

    private static Standing standing(ConsentParties subject, ConsentParties me) {
        if (subject.personId().equals(me.personId())) {
            return subject.minor() ? Standing.MINOR_SELF : Standing.DECIDES;
        }
        if (!subject.minor()) {
            return Standing.OF_AGE;
        }
        boolean responsible = subject.responsibleGuardians().stream().anyMatch(g -> g.id().equals(me.personId()));
        return responsible ? Standing.DECIDES : Standing.NO_RESPONSIBILITY;
    }

    /** The name typed to confirm is the person's own, whatever the accents, case, spacing or order of the names. */
    static boolean sameName(String typed, String name) {
        if (typed == null) {
            return false;
        }
        List<String> typedWords = words(typed);
        List<String> nameWords = words(name);
        return !typedWords.isEmpty() && typedWords.size() == nameWords.size() && typedWords.containsAll(nameWords)
                && nameWords.containsAll(typedWords);
    }

    private static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return List.of(folded.trim().split("[\\s\\-']+")).stream().filter(w -> !w.isEmpty()).toList();
    }
}
