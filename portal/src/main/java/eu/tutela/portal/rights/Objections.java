package eu.tutela.portal.rights;

import eu.tutela.portal.consent.ConsentPurpose;
import eu.tutela.portal.consent.ConsentService;
import eu.tutela.portal.consent.ConsentState;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An objection (GDPR Art. 21) or a withdrawal of consent (Art. 7(3)) carried out: the DPO picks the purposes the
 * requester asks to stop, and each is turned off through the consent service as the requester's own decision (so that
 * mailings, invitations and every other use that asks the consent service stop at once), then the request is completed.
 */
@Service
public class Objections {

    private static final Set<RequestType> TYPES = Set.of(RequestType.OBJECTION, RequestType.WITHDRAWAL);

    private final RequestSteps steps;
    private final RightsRequestRepository repository;
    private final ConsentService consents;
    private final Caller caller;
    private final MessageSource messages;

    Objections(RequestSteps steps, RightsRequestRepository repository, ConsentService consents, Caller caller,
            MessageSource messages) {
        this.steps = steps;
        this.repository = repository;
        this.consents = consents;
        this.caller = caller;
        this.messages = messages;
    }

    /**
     * The purposes of the request's subject that a decision can turn off (those that need consent), each on or off now.
     *
     * @throws InvalidInputException on {@code request} (unknown or another institution's, not an objection or a withdrawal,
     *         nobody in the registry)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<ConsentState> purposes(UUID requestId) {
        caller.require(TenantRole.DPO, TenantRole.ADMIN);
        RightsRequestRepository.Stored request = repository.find(requestId)
                .orElseThrow(() -> InvalidInputException.of("request", "rights.request.unknown"));
        return consents.states(subjectOf(request)).stream().filter(s -> s.purpose().consentRequired()).toList();
    }

    /**
     * Turns the chosen purposes off and completes the request, telling the requester which.
     *
     * @throws InvalidInputException on {@code purposes} (none chosen), {@code request} (as {@link #purposes}, or a requester
     *         without a record in the registry), {@code status} (closed, identity not verified yet), and the consent
     *         service's own ({@code purpose}, {@code giver})
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void turnOff(UUID requestId, Set<UUID> purposeIds) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        RightsRequestRepository.Stored request = steps.open(requestId);
        UUID subject = subjectOf(request);
        if (request.status() == RequestStatus.IDENTITY_TO_VERIFY) {
            throw InvalidInputException.of("status", "rights.status.identityFirst");
        }
        if (request.requesterPersonId() == null) {
            throw InvalidInputException.of("request", "rights.objection.noGiver");
        }
        if (purposeIds == null || purposeIds.isEmpty()) {
            throw InvalidInputException.of("purposes", "rights.objection.none");
        }
        Locale locale = Locale.of(request.requesterLang());
        String note = messages.getMessage("rights.objection.note", new Object[] {request.reference()}, locale);
        List<ConsentPurpose> stopped = consents.states(subject).stream().map(ConsentState::purpose)
                .filter(p -> purposeIds.contains(p.id())).toList();
        if (stopped.size() != purposeIds.size()) {
            throw InvalidInputException.of("purposes", "consent.purpose.unknown");
        }
        stopped.forEach(p -> consents.turnOffOnRequest(subject, request.requesterPersonId(), p.id(), note));
        String outcome = messages.getMessage("rights.objection.outcome",
                new Object[] {stopped.stream().map(p -> p.name(locale)).collect(Collectors.joining(", "))}, locale);
        steps.complete(request, outcome, me, "rights.objection.done");
    }

    private static UUID subjectOf(RightsRequestRepository.Stored request) {
        if (!TYPES.contains(request.type())) {
            throw InvalidInputException.of("request", "rights.objection.notForType");
        }
        if (request.subjectId() == null) {
            throw InvalidInputException.of("request", "rights.erasure.noSubject");
        }
        return request.subjectId();
    }
}
