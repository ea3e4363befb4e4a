package eu.tutela.portal.rights;

import eu.tutela.portal.people.Correction;
import eu.tutela.portal.people.People;
import eu.tutela.portal.people.Person;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rectification request's fulfilment (GDPR Art. 16): the DPO sees, field by field, what the registry says and what
 * the requester asks for, and applies the correction, under the registry's own rules; the request is then completed and
 * the requester told what was corrected.
 */
@Service
public class Rectifications {

    private final RequestSteps steps;
    private final RightsRequestRepository repository;
    private final People people;
    private final Caller caller;
    private final MessageSource messages;

    Rectifications(RequestSteps steps, RightsRequestRepository repository, People people, Caller caller,
            MessageSource messages) {
        this.steps = steps;
        this.repository = repository;
        this.people = people;
        this.caller = caller;
        this.messages = messages;
    }

    /**
     * What the request asks to correct, next to the registry's values now; empty when it names no field (the requester
     * said it in words only).
     *
     * @throws InvalidInputException on {@code request} (unknown or another institution's, not a rectification, nobody in
     *         the registry)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<CorrectionLine> asked(UUID requestId) {
        caller.require(TenantRole.DPO, TenantRole.ADMIN);
        RightsRequestRepository.Stored request = repository.find(requestId)
                .orElseThrow(() -> InvalidInputException.of("request", "rights.request.unknown"));
        Person person = subjectOf(request);
        Map<String, String> now = Map.of("givenName", Objects.toString(person.givenName(), ""), "familyName",
                Objects.toString(person.familyName(), ""), "birthDate", Objects.toString(person.birthDate(), ""), "email",
                Objects.toString(person.email(), ""), "phone", Objects.toString(person.phone(), ""));
        return repository.correction(requestId).entrySet().stream()
                .map(e -> new CorrectionLine(e.getKey(), now.get(e.getKey()), e.getValue())).toList();
    }

    /**
     * Applies the correction asked for and completes the request, telling the requester.
     *
     * @throws InvalidInputException on {@code request} (as {@link #asked}, or one that names no field), {@code status}
     *         (closed, identity not verified yet), and the registry's own (a field the rules refuse, a restricted record)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void apply(UUID requestId) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        RightsRequestRepository.Stored request = steps.open(requestId);
        Person person = subjectOf(request);
        if (request.status() == RequestStatus.IDENTITY_TO_VERIFY) {
            throw InvalidInputException.of("status", "rights.status.identityFirst");
        }
        Map<String, String> fields = repository.correction(requestId);
        if (fields.isEmpty()) {
            throw InvalidInputException.of("request", "rights.rectification.nothingNamed");
        }
        people.correct(person.id(), Correction.of(fields));
        Locale locale = Locale.of(request.requesterLang());
        String outcome = messages.getMessage("rights.rectification.outcome", new Object[] {fields.keySet().stream()
                .map(f -> messages.getMessage("rights.rectification.field." + f, null, locale)).collect(Collectors.joining(", "))}, locale);
        steps.complete(request, outcome, me, "rights.rectification.done");
    }

    private Person subjectOf(RightsRequestRepository.Stored request) {
        if (request.type() != RequestType.RECTIFICATION) {
            throw InvalidInputException.of("request", "rights.rectification.notForType");
        }
        return Optional.ofNullable(request.subjectId()).flatMap(people::wholeRecord)
                .orElseThrow(() -> InvalidInputException.of("request", "rights.erasure.noSubject"));
    }
}
