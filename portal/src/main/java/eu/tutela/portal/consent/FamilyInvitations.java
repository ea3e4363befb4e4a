package eu.tutela.portal.consent;

import eu.tutela.portal.people.ConsentParties;
import eu.tutela.portal.people.GuardianLinked;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.PersonKind;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.Invitation;
import eu.tutela.portal.security.Invitations;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is invited to decide: each guardian with parental responsibility for an active minor, to approve the child's
 * account and the purposes that need consent, and each active student of age, to decide for themself. A guardian
 * linked by hand is invited at once; after an import the school invites everyone pending, for a class or for all, in
 * one action (it chooses when the mails go). One invitation per person, whatever the number of their children; a
 * second sending replaces the first link.
 */
@Service
public class FamilyInvitations {

    private final People people;
    private final Invitations invitations;
    private final Caller caller;
    private final ConsentService consents;

    FamilyInvitations(People people, Invitations invitations, Caller caller, ConsentService consents) {
        this.consents = consents;
        this.people = people;
        this.invitations = invitations;
        this.caller = caller;
    }

    /**
     * Someone the school may invite: a guardian (with the children they decide for) or a student of age, with the
     * classes that make them pending (their children's, or their own).
     */
    public record Invitee(UUID personId, String name, TenantRole role, String email, String language, List<String> children,
            Set<String> classes) {
    }

    /**
     * Those never invited and without an account yet, in this class (null: every class): the guardians with parental
     * responsibility of its minors, then its students of age.
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<Invitee> pending(String className) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        Map<UUID, Invitation> invited = invitations.ofRegistry();
        Map<UUID, Invitee> guardians = new LinkedHashMap<>();
        for (ConsentParties minor : people.minorsForConsent()) {
            if (className != null && !className.equals(minor.className())) {
                continue;
            }
            for (ConsentParties.Party g : minor.responsibleGuardians()) {
                if (!g.hasAccount() && g.email() != null && !invited.containsKey(g.id())) {
                    Invitee invitee = guardians.computeIfAbsent(g.id(), id -> new Invitee(id, g.name(), TenantRole.GUARDIAN, g.email(),
                            g.language(), new ArrayList<>(), new LinkedHashSet<>()));
                    invitee.children().add(minor.name());
                    if (minor.className() != null) {
                        invitee.classes().add(minor.className());
                    }
                }
            }
        }
        List<Invitee> pending = new ArrayList<>(guardians.values());
        people.studentsOfAge(className).stream()
                .filter(s -> !s.hasAccount() && s.email() != null && !invited.containsKey(s.personId()))
                .forEach(s -> pending.add(new Invitee(s.personId(), s.name(), TenantRole.STUDENT, s.email(), s.language(), List.of(),
                        s.className() == null ? Set.of() : Set.of(s.className()))));
        return pending;
    }

    /** Invites everyone {@link #pending} in this class (null: every class); returns how many were invited. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public int invitePending(String className) {
        List<Invitee> pending = pending(className);
        pending.forEach(i -> invitations.inviteToRegistry(i.personId(), i.email(), i.role(), i.language(), i.children()));
        return pending.size();
    }

    /**
     * Sends one guardian's or student's invitation, again if need be (a new link; the old one stops working): a guardian
     * of a minor they hold parental responsibility for, a student of age, or a minor whose account the guardians
     * approved.
     *
     * @throws InvalidInputException on {@code person} when nobody here is to be invited so, or {@code email} when the
     *         registry has no address for them
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public Invitation invite(UUID personId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        ConsentParties person = people.consentParties(personId).filter(ConsentParties::active)
                .orElseThrow(() -> InvalidInputException.of("person", "consent.person.unknown"));
        if (person.hasAccount()) {
            throw InvalidInputException.of("person", "consent.invite.hasAccount");
        }
        if (person.restricted()) {
            throw InvalidInputException.of("person", "people.restricted.noChange");
        }
        if (person.email() == null) {
            throw InvalidInputException.of("email", "consent.invite.noEmail");
        }
        if (person.kind() == PersonKind.GUARDIAN) {
            List<String> children = childrenDecidedBy(personId);
            if (children.isEmpty()) {
                throw InvalidInputException.of("person", "consent.invite.noChild");
            }
            return invitations.inviteToRegistry(personId, person.email(), TenantRole.GUARDIAN, person.language(), children);
        }
        if (person.kind() != PersonKind.STUDENT) {
            throw InvalidInputException.of("person", "consent.invite.notFamily");
        }
        // A minor's account waits for the consent the institution requires (GDPR Art. 8(1)).
        if (person.minor() && !consents.allows(personId, ConsentPurpose.ACCOUNT, null)) {
            throw InvalidInputException.of("person", "consent.invite.awaitingGuardians");
        }
        return invitations.inviteToRegistry(personId, person.email(), TenantRole.STUDENT, person.language(), List.of());
    }

    /** The latest invitation of a person of the registry, for their page. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Optional<Invitation> latest(UUID personId) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return invitations.latestFor(personId);
    }

    /** A guardian linked by hand with parental responsibility for a minor is invited at once, unless already invited. */
    @EventListener
    void on(GuardianLinked linked) {
        if (!linked.parentalResponsibility()) {
            return;
        }
        Optional<ConsentParties> child = people.consentParties(linked.childId()).filter(c -> c.minor() && c.active());
        Optional<ConsentParties.Party> guardian = child.stream().flatMap(c -> c.guardians().stream())
                .filter(g -> g.id().equals(linked.guardianId()) && !g.hasAccount() && g.email() != null).findFirst();
        if (guardian.isPresent() && invitations.latestFor(linked.guardianId()).isEmpty()) {
            invitations.inviteToRegistry(linked.guardianId(), guardian.get().email(), TenantRole.GUARDIAN, guardian.get().language(),
                    childrenDecidedBy(linked.guardianId()));
        }
    }

    private List<String> childrenDecidedBy(UUID guardianId) {
        return people.minorsForConsent().stream()
                .filter(m -> m.responsibleGuardians().stream().anyMatch(g -> g.id().equals(guardianId)))
                .map(ConsentParties::name).filter(Objects::nonNull).toList();
    }
}
