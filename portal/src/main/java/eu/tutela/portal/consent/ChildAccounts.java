package eu.tutela.portal.consent;

import eu.tutela.portal.notification.Mail;
import eu.tutela.portal.notification.Outbox;
import eu.tutela.portal.people.ConsentParties;
import eu.tutela.portal.people.People;
import eu.tutela.portal.security.Invitation;
import eu.tutela.portal.security.Invitations;
import eu.tutela.portal.security.Member;
import eu.tutela.portal.security.Members;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What follows a decision on a minor's portal account, run by {@link ChildAccountJob} after the decision committed (so,
 * once it is certain, and again after a crash): once the consent the institution requires exists, the child is invited to their
 * account (it exists only from their acceptance, so nobody can sign in as the child before); a refusal or withdrawal
 * that leaves the account without consent is told to the institution's administrators and DPO. Run again, it invites
 * nobody twice: an invitation still open is left as it is.
 */
@Component
class ChildAccounts {

    private final DecisionRepository decisions;
    private final ConsentService consents;
    private final People people;
    private final Invitations invitations;
    private final Members members;
    private final Outbox outbox;
    private final TenantSettingsService settings;
    private final TransactionTemplate transactions;

    ChildAccounts(DecisionRepository decisions, ConsentService consents, People people, Invitations invitations, Members members,
            Outbox outbox, TenantSettingsService settings, TransactionTemplate transactions) {
        this.decisions = decisions;
        this.consents = consents;
        this.people = people;
        this.invitations = invitations;
        this.members = members;
        this.outbox = outbox;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Settles the account after this decision; says what it did. */
    String settle(UUID decisionId) {
        return transactions.execute(status -> settleNow(decisionId));
    }

    private String settleNow(UUID decisionId) {
        Optional<ConsentDecision> decision = decisions.find(decisionId);
        Optional<ConsentParties> child = decision.flatMap(d -> people.consentParties(d.subjectId())).filter(ConsentParties::active);
        if (decision.isEmpty() || child.isEmpty()) {
            return "nothing";
        }
        if (consents.allows(child.get().personId(), ConsentPurpose.ACCOUNT, null)) {
            return invite(child.get());
        }
        boolean stillTheirs = decisions.latest(child.get().personId(), decision.get().purposeId(), decision.get().giverId())
                .map(latest -> latest.id().equals(decisionId)).orElse(false);
        if (decision.get().decision() != Decision.GIVEN && stillTheirs) {
            tellSchool(child.get(), ConsentService.nameOf(decision.get().giverId(), child.get()), decision.get().decision());
            return "school told";
        }
        return "awaiting consent";
    }

    private String invite(ConsentParties child) {
        if (child.hasAccount()) {
            return "has an account";
        }
        if (child.email() == null) {
            return "no e-mail address";
        }
        boolean open = invitations.latestFor(child.personId())
                .map(i -> i.status(Instant.now()) == Invitation.Status.PENDING || i.status(Instant.now()) == Invitation.Status.ACCEPTED)
                .orElse(false);
        if (!open) {
            invitations.inviteToRegistry(child.personId(), child.email(), TenantRole.STUDENT, child.language(), List.of());
        }
        return "invited";
    }

    private void tellSchool(ConsentParties child, String guardian, Decision decision) {
        TenantSettings tenant = settings.current();
        for (Member member : members.everyone()) {
            if (member.roles().contains(TenantRole.ADMIN) || member.roles().contains(TenantRole.DPO)) {
                outbox.send(new Mail(member.email(), member.locale(), Mail.text("consent.account.refused.subject", child.name()),
                        List.of(Mail.text("consent.account.refused.body." + decision.name(), guardian, child.name(),
                                child.className() == null ? "—" : child.className(), tenant.displayName()),
                                Mail.text("consent.account.refused.what")),
                        null, null));
            }
        }
    }
}
