package eu.tutela.portal.rights;

import eu.tutela.portal.people.People;
import eu.tutela.portal.privacy.DataSubject;
import eu.tutela.portal.privacy.ErasureLine;
import eu.tutela.portal.privacy.ErasureOutcome;
import eu.tutela.portal.privacy.PersonalData;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An erasure request's fulfilment (GDPR Art. 17): the DPO sees, module by module, what will be erased, anonymised, or
 * kept under a legal hold and why; then erases, in one transaction (a failure anywhere leaves the person whole), which
 * completes the request and tells the requester what was kept and why.
 */
@Service
public class Erasures {

    private final RequestSteps steps;
    private final RightsRequestRepository repository;
    private final People people;
    private final PersonalData personalData;
    private final Caller caller;
    private final MessageSource messages;

    Erasures(RequestSteps steps, RightsRequestRepository repository, People people, PersonalData personalData, Caller caller,
            MessageSource messages) {
        this.steps = steps;
        this.repository = repository;
        this.people = people;
        this.personalData = personalData;
        this.caller = caller;
        this.messages = messages;
    }

    /**
     * What erasing the request's subject would do; changes nothing.
     *
     * @throws InvalidInputException as {@link #erase(UUID)}
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<ErasureLine> preview(UUID requestId) {
        caller.require(TenantRole.DPO, TenantRole.ADMIN);
        RightsRequestRepository.Stored request = repository.find(requestId)
                .orElseThrow(() -> InvalidInputException.of("request", "rights.request.unknown"));
        return personalData.erasurePreview(subjectToErase(request));
    }

    /**
     * Erases the request's subject in every module and completes the request.
     *
     * @return what was done, as previewed
     * @throws InvalidInputException on {@code request} (unknown or another institution's, not an erasure, nobody in the
     *         registry any more), {@code status} (closed, not started, identity not verified yet)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public List<ErasureLine> erase(UUID requestId) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        RightsRequestRepository.Stored request = steps.open(requestId);
        DataSubject subject = subjectToErase(request);
        List<ErasureLine> done = personalData.erase(subject);
        Locale locale = Locale.of(request.requesterLang());
        Map<ErasureOutcome, Long> records = done.stream()
                .collect(Collectors.groupingBy(ErasureLine::outcome, Collectors.summingLong(ErasureLine::records)));
        repository.event(requestId, RequestEvent.Kind.ERASED, null, messages.getMessage("rights.erasure.done", new Object[] {
                subject.name(), records.getOrDefault(ErasureOutcome.ERASED, 0L), records.getOrDefault(ErasureOutcome.ANONYMISED, 0L),
                records.getOrDefault(ErasureOutcome.KEPT, 0L)}, locale), me);
        String outcome = outcome(done, locale);
        steps.complete(request, outcome, me, "rights.erasure.done");
        return done;
    }

    private DataSubject subjectToErase(RightsRequestRepository.Stored request) {
        if (request.type() != RequestType.ERASURE) {
            throw InvalidInputException.of("request", "rights.erasure.notForType");
        }
        if (request.status().closed()) {
            throw InvalidInputException.of("status", "rights.status.closed");
        }
        if (request.status() == RequestStatus.IDENTITY_TO_VERIFY) {
            throw InvalidInputException.of("status", "rights.status.identityFirst");
        }
        if (request.status() == RequestStatus.RECEIVED) {
            throw InvalidInputException.of("status", "rights.erasure.startFirst");
        }
        return SubjectRecord.of(people, request.subjectId())
                .orElseThrow(() -> InvalidInputException.of("request", "rights.erasure.noSubject"));
    }

    /** What the requester is told: erased, and each legal hold that keeps something, with its reason. */
    private String outcome(List<ErasureLine> done, Locale locale) {
        String holds = done.stream().filter(l -> l.outcome() == ErasureOutcome.KEPT && l.records() > 0).map(ErasureLine::holdKey)
                .distinct().map(key -> "- " + messages.getMessage(key, null, locale)).collect(Collectors.joining("\n"));
        return holds.isEmpty() ? messages.getMessage("rights.erasure.outcome", null, locale)
                : messages.getMessage("rights.erasure.outcomeWithHolds", new Object[] {holds}, locale);
    }
}
