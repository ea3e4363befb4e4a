package eu.tutela.portal.rights;

import eu.tutela.portal.jobs.Jobs;
import eu.tutela.portal.people.ConsentParties;
import eu.tutela.portal.people.People;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.Member;
import eu.tutela.portal.security.Members;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DPO's work on rights requests (administrators' too, where an institution has no DPO of its own): the queue by due
 * date, and each step of a request, in the audit trail and on its timeline, the requester told by e-mail of what
 * concerns them. A step that does not fit where the request stands is refused and changes nothing.
 */
@Service
public class RequestHandling {

    private static final Set<RequestStatus> VERIFIABLE = EnumSet.of(RequestStatus.RECEIVED, RequestStatus.IDENTITY_TO_VERIFY);

    private final RightsRequestRepository repository;
    private final RequestTimeline timeline;
    private final People people;
    private final Members members;
    private final Caller caller;
    private final TenantSettingsService settings;
    private final RequestMails mails;
    private final RequestSteps steps;
    private final Jobs jobs;

    RequestHandling(RightsRequestRepository repository, RequestTimeline timeline, People people, Members members, Caller caller,
            TenantSettingsService settings, RequestMails mails, RequestSteps steps, Jobs jobs) {
        this.jobs = jobs;
        this.repository = repository;
        this.timeline = timeline;
        this.people = people;
        this.members = members;
        this.caller = caller;
        this.settings = settings;
        this.mails = mails;
        this.steps = steps;
    }

    /** The open requests, soonest due first; or the closed ones, last closed first. */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<RightsRequest> queue(boolean open) {
        caller.require(TenantRole.DPO, TenantRole.ADMIN);
        List<RightsRequestRepository.Stored> stored = repository.queue(open);
        Map<UUID, ConsentParties> subjects = people.consentParties(stored.stream().map(RightsRequestRepository.Stored::subjectId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return stored.stream().map(r -> r.withSubjectName(Optional.ofNullable(r.subjectId()).map(subjects::get).map(ConsentParties::name)
                .orElse(r.requesterName()))).toList();
    }

    /** A request with its whole timeline; empty for an unknown id (or another institution's). */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional(readOnly = true)
    public Optional<RequestDetail> find(UUID requestId) {
        caller.require(TenantRole.DPO, TenantRole.ADMIN);
        return repository.find(requestId).map(r -> new RequestDetail(named(r), timeline.of(r)));
    }

    /** Who may be given a request: the institution's DPOs and administrators. */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<Member> handlers() {
        caller.require(TenantRole.DPO, TenantRole.ADMIN);
        return members.everyone().stream().filter(m -> m.roles().contains(TenantRole.DPO) || m.roles().contains(TenantRole.ADMIN)).toList();
    }

    /**
     * Gives the request to a DPO or administrator (the caller, when {@code userId} is null).
     *
     * @throws InvalidInputException on {@code request} (unknown, closed), {@code assignee} (not a DPO or administrator here)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void assign(UUID requestId, UUID userId) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        UUID to = userId == null ? me : userId;
        Member assignee = handlers().stream().filter(m -> m.userId().equals(to)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("assignee", "rights.assignee.unknown"));
        RightsRequestRepository.Stored request = steps.open(requestId);
        repository.assign(requestId, to);
        repository.event(requestId, RequestEvent.Kind.ASSIGNED, null, assignee.displayName(), me);
        steps.audit("rights.request.assigned", request, Map.of("assignee", String.valueOf(request.assignedTo())), Map.of("assignee", to.toString()));
    }

    /**
     * Names the registry record a request from the public form is about (a former student found by name), once the DPO
     * has found them: its archive, erasure or correction then work on that record.
     *
     * @throws InvalidInputException on {@code request} (closed, about someone already), {@code person} (unknown here),
     *         {@code type} (that person has a request of this type open already)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void linkSubject(UUID requestId, UUID personId) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        RightsRequestRepository.Stored request = steps.open(requestId);
        if (request.subjectId() != null) {
            throw InvalidInputException.of("request", "rights.subject.alreadyLinked");
        }
        String name = Optional.ofNullable(personId).flatMap(people::wholeRecord).map(p -> p.displayName())
                .orElseThrow(() -> InvalidInputException.of("person", "people.unknown"));
        if (repository.openOf(personId, request.type())) {
            throw InvalidInputException.of("type", "rights.type.alreadyOpen");
        }
        repository.linkSubject(requestId, personId);
        repository.event(requestId, RequestEvent.Kind.NOTE, null, name, me);
        steps.audit("rights.request.subjectLinked", request, Map.of(), Map.of("subject", personId.toString()));
    }

    /**
     * Starts the work on a request whose requester is known (signed in through the portal): the caller takes it if nobody has.
     *
     * @throws InvalidInputException on {@code status} when it is not newly received
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void start(UUID requestId) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        RightsRequestRepository.Stored request = steps.open(requestId);
        if (request.status() != RequestStatus.RECEIVED) {
            throw InvalidInputException.of("status", "rights.status.notNow");
        }
        if (request.assignedTo() == null) {
            repository.assign(requestId, me);
        }
        steps.move(request, RequestStatus.IN_PROGRESS, null, me, "rights.request.started");
        mails.tell(request, "started", null);
    }

    /**
     * Records that the requester's identity is confirmed (GDPR Art. 12(6)), with how: the work may begin.
     *
     * @throws InvalidInputException on {@code note} (empty, too long), {@code status} (not awaiting verification)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void verifyIdentity(UUID requestId, String note) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        String how = RequestText.required(note, "note");
        RightsRequestRepository.Stored request = steps.open(requestId);
        if (!VERIFIABLE.contains(request.status())) {
            throw InvalidInputException.of("status", "rights.status.notNow");
        }
        repository.identityVerified(requestId, how);
        if (request.assignedTo() == null) {
            repository.assign(requestId, me);
        }
        repository.event(requestId, RequestEvent.Kind.NOTE, null, how, me);
        steps.move(request, request.deadline().extensionMonths() > 0 ? RequestStatus.EXTENDED : RequestStatus.IN_PROGRESS, null, me,
                "rights.request.identityVerified");
        mails.tell(request, "started", null);
    }

    /**
     * Asks the requester to prove who they are (GDPR Art. 12(6)); the clock keeps running, so it is asked early.
     *
     * @throws InvalidInputException on {@code message} (empty, too long)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void askIdentity(UUID requestId, String message) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        String text = RequestText.required(message, "message");
        RightsRequestRepository.Stored request = steps.open(requestId);
        repository.event(requestId, RequestEvent.Kind.TO_REQUESTER, null, text, me);
        steps.move(request, RequestStatus.IDENTITY_TO_VERIFY, null, me, "rights.request.identityAsked");
        mails.tell(request, "identity", text);
    }

    /** An internal note on the request: on the DPO's timeline, never shown to the requester. */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void note(UUID requestId, String body) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        String text = RequestText.required(body, "body");
        RightsRequestRepository.Stored request = repository.lock(requestId)
                .orElseThrow(() -> InvalidInputException.of("request", "rights.request.unknown"));
        repository.event(requestId, RequestEvent.Kind.NOTE, null, text, me);
        steps.audit("rights.request.noted", request, Map.of(), Map.of("length", text.length()));
    }

    /**
     * Writes to the requester (by e-mail and on their timeline); with {@code awaitReply}, the request waits for their answer.
     *
     * @throws InvalidInputException on {@code body} (empty, too long), {@code request} (closed)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void message(UUID requestId, String body, boolean awaitReply) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        String text = RequestText.required(body, "body");
        RightsRequestRepository.Stored request = steps.open(requestId);
        repository.event(requestId, RequestEvent.Kind.TO_REQUESTER, null, text, me);
        if (awaitReply && request.status() != RequestStatus.WAITING_FOR_REQUESTER) {
            steps.move(request, RequestStatus.WAITING_FOR_REQUESTER, null, me, "rights.request.waiting");
        } else {
            steps.audit("rights.request.messaged", request, Map.of(), Map.of("length", text.length()));
        }
        mails.tell(request, awaitReply ? "waiting" : "message", text);
    }

    /**
     * Extends the deadline by one or two further months, with the reasons, told to the requester (GDPR Art. 12(3)): only
     * within the first month, which the product refuses once passed.
     *
     * @throws InvalidInputException on {@code months} (not 1 or 2, shorter than one given), {@code reason} (empty),
     *         {@code status} (the first month has passed: {@code rights.extend.tooLate})
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void extend(UUID requestId, int months, String reason) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        String why = RequestText.required(reason, "reason");
        RightsRequestRepository.Stored request = steps.open(requestId);
        LocalDate today = LocalDate.now(settings.current().timeZone());
        if (!request.deadline().extensionStillPossible(today)) {
            throw InvalidInputException.of("status", "rights.extend.tooLate");
        }
        if (months < 1 || months > RequestDeadline.MAX_EXTENSION_MONTHS || months <= request.deadline().extensionMonths()) {
            throw InvalidInputException.of("months", "rights.extend.months");
        }
        RequestDeadline extended = request.deadline().extendedBy(months);
        repository.extended(requestId, extended, why);
        repository.event(requestId, RequestEvent.Kind.EXTENDED, RequestStatus.EXTENDED, why, me);
        steps.audit("rights.request.extended", request, Map.of("due", request.deadline().due().toString()),
                Map.of("due", extended.due().toString(), "months", months));
        mails.tell(repository.find(requestId).orElseThrow(), "extended", why);
    }

    /**
     * Completes the request, saying what was done.
     *
     * @throws InvalidInputException on {@code outcome} (empty, too long), {@code status} (identity not verified yet)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void complete(UUID requestId, String outcome) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        String what = RequestText.required(outcome, "outcome");
        RightsRequestRepository.Stored request = steps.open(requestId);
        if (request.status() == RequestStatus.IDENTITY_TO_VERIFY) {
            throw InvalidInputException.of("status", "rights.status.identityFirst");
        }
        steps.complete(request, what, me, "rights.request.completed");
    }

    /**
     * Refuses the request with its reasons; the requester is told them and where to complain (GDPR Art. 12(4)).
     *
     * @throws InvalidInputException on {@code reason} (empty, too long)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public void refuse(UUID requestId, String reason) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        String why = RequestText.required(reason, "reason");
        RightsRequestRepository.Stored request = steps.open(requestId);
        steps.move(request, RequestStatus.REFUSED, why, me, "rights.request.refused");
        mails.tell(request, "refused", why);
    }

    /**
     * Builds the archive of an access or portability request in the background (progress on its run): every module's
     * records on the subject. The requester is told when it is ready.
     *
     * @throws InvalidInputException on {@code request} (another type, no registry record, identity not verified yet,
     *         an archive being built already)
     */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional
    public AccessArchive buildArchive(UUID requestId) {
        UUID me = caller.require(TenantRole.DPO, TenantRole.ADMIN).personId();
        RightsRequestRepository.Stored request = steps.open(requestId);
        if (request.type() != RequestType.ACCESS && request.type() != RequestType.PORTABILITY) {
            throw InvalidInputException.of("request", "rights.archive.notForType");
        }
        if (request.status() == RequestStatus.IDENTITY_TO_VERIFY) {
            throw InvalidInputException.of("status", "rights.status.identityFirst");
        }
        if (request.subjectId() == null) {
            throw InvalidInputException.of("request", "rights.archive.noSubject");
        }
        if (repository.archiveOf(requestId).filter(a -> a.status() == AccessArchive.Status.BUILDING).isPresent()) {
            throw InvalidInputException.of("request", "rights.archive.building");
        }
        UUID archiveId = UUID.randomUUID();
        repository.insertArchive(archiveId, requestId, jobs.start(ArchiveJob.KIND, archiveId.toString()), me);
        steps.audit("rights.archive.requested", request, Map.of(), Map.of("archive", archiveId.toString()));
        return repository.archiveOf(requestId).orElseThrow();
    }

    /** The request's newest archive, if one was asked for. */
    @PreAuthorize("@caller.has('DPO', 'ADMIN')")
    @Transactional(readOnly = true)
    public Optional<AccessArchive> archive(UUID requestId) {
        caller.require(TenantRole.DPO, TenantRole.ADMIN);
        return repository.archiveOf(requestId);
    }

    private RightsRequest named(RightsRequestRepository.Stored r) {
        return r.withSubjectName(Optional.ofNullable(r.subjectId()).flatMap(people::consentParties).map(ConsentParties::name)
                .orElse(r.requesterName()));
    }
}
