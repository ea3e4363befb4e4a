package eu.tutela.portal.rights;

import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every step of the DPO's work on a request shares: the open request, locked; the move to a status, on the
 * timeline and audited; its completion, told to the requester.
 */
@Component
class RequestSteps {

    private final RightsRequestRepository repository;
    private final ApplicationEventPublisher events;
    private final RequestMails mails;

    RequestSteps(RightsRequestRepository repository, ApplicationEventPublisher events, RequestMails mails) {
        this.repository = repository;
        this.events = events;
        this.mails = mails;
    }

    /** The request, locked until the transaction ends: refused when unknown (or another institution's) or closed. */
    RightsRequestRepository.Stored open(UUID requestId) {
        RightsRequestRepository.Stored request = repository.lock(requestId)
                .orElseThrow(() -> InvalidInputException.of("request", "rights.request.unknown"));
        if (request.status().closed()) {
            throw InvalidInputException.of("status", "rights.status.closed");
        }
        return request;
    }

    void move(RightsRequestRepository.Stored request, RequestStatus to, String outcome, UUID by, String action) {
        repository.status(request.id(), to, outcome);
        repository.event(request.id(), RequestEvent.Kind.STATUS, to, outcome, by);
        audit(action, request, Map.of("status", request.status().name()), Map.of("status", to.name()));
    }

    /** Completes the request with what was done, and tells the requester. */
    void complete(RightsRequestRepository.Stored request, String outcome, UUID by, String action) {
        move(request, RequestStatus.COMPLETED, outcome, by, action);
        mails.tell(request, "completed", outcome);
    }

    void audit(String action, RightsRequestRepository.Stored request, Map<String, ?> before, Map<String, ?> after) {
        events.publishEvent(AuditedChange.of(action, "rights_request", request.id(), request.reference(), before, after));
    }
}
