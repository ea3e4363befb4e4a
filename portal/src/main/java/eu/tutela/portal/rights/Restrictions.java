package eu.tutela.portal.rights;

import eu.tutela.portal.people.People;
import eu.tutela.portal.people.RestrictionLifted;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A restriction request's fulfilment (GDPR Art. 18): the subject's data is kept as it is and used for nothing (the
 * registry leaves them out of every processing) until the DPO lifts it on the person's page; whoever obtained the
 * restriction is then told (Art. 18(3)).
 */
@Service
public class Restrictions {

    private final RequestSteps steps;
    private final RightsRequestRepository repository;
    private final People people;
    private final Caller caller;
    private final RequestMails mails;
    private final MessageSource messages;

    Restrictions(RequestSteps steps, RightsRequestRepository repository, People people, Caller caller, RequestMails mails,
            MessageSource messages) {
        this.steps = steps;
        this.repository = repository;
        this.people = people;
        this.caller = caller;
        this.mails = mails;
        this.messages = messages;
    }

    /**
     * Restricts the processing of the request's subject and completes the request, telling the requester.
     *
     * @throws InvalidInputException on {@code request} (unknown or another institution's, not a restriction, nobody in the
     *         registry), {@code status} (closed, identity not verified yet)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void restrict(UUID requestId) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        RightsRequestRepository.Stored request = steps.open(requestId);
        if (request.type() != RequestType.RESTRICTION) {
            throw InvalidInputException.of("request", "rights.restriction.notForType");
        }
        if (request.status() == RequestStatus.IDENTITY_TO_VERIFY) {
            throw InvalidInputException.of("status", "rights.status.identityFirst");
        }
        if (request.subjectId() == null) {
            throw InvalidInputException.of("request", "rights.erasure.noSubject");
        }
        Locale locale = Locale.of(request.requesterLang());
        people.restrict(request.subjectId(), messages.getMessage("rights.restriction.reason", new Object[] {request.reference()}, locale));
        String outcome = messages.getMessage("rights.restriction.outcome", null, locale);
        steps.complete(request, outcome, me, "rights.restriction.done");
    }

    /** Within the lifting's transaction: the mail is queued with it, or neither happens. */
    @EventListener
    void on(RestrictionLifted lifted) {
        for (RightsRequestRepository.Stored request : repository.restrictionsObtained(lifted.personId())) {
            repository.event(request.id(), RequestEvent.Kind.TO_REQUESTER, null,
                    messages.getMessage("rights.restriction.lifted", null, Locale.of(request.requesterLang())), null);
            mails.tell(request, "lifted", null);
        }
    }
}
