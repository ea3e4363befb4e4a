package eu.tutela.portal.rights;

import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.TenantContext;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A request received, however it came (the portal, the public form): stored, first on its timeline, audited, the DPO
 * told after the commit, the requester by e-mail with its reference and due date.
 */
@Component
class RequestIntake {

    private static final char[] REFERENCE = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RightsRequestRepository repository;
    private final RequestMails mails;
    private final ApplicationEventPublisher events;

    RequestIntake(RightsRequestRepository repository, RequestMails mails, ApplicationEventPublisher events) {
        this.repository = repository;
        this.mails = mails;
        this.events = events;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the same person's request of this type is open already */
    void receive(RightsRequestRepository.Stored request, UUID byUser) {
        repository.insert(request);
        repository.event(request.id(), RequestEvent.Kind.SUBMITTED, request.status(), request.details().isEmpty() ? null : request.details(),
                byUser);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("type", request.type().name());
        facts.put("source", request.source().name());
        if (request.subjectId() != null) {
            facts.put("subject", request.subjectId().toString());
        }
        facts.put("due", request.deadline().due().toString());
        events.publishEvent(AuditedChange.of("rights.request.submitted", "rights_request", request.id(), request.reference(), Map.of(), facts));
        events.publishEvent(new RightsRequestSubmitted(TenantContext.current().orElseThrow(), request.id()));
        mails.tell(request, "received", null);
    }

    /** Eight characters that cannot be misread (no 0/O, 1/I): what the requester quotes. */
    static String newReference() {
        char[] chars = new char[8];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = REFERENCE[RANDOM.nextInt(REFERENCE.length)];
        }
        return new String(chars);
    }
}
