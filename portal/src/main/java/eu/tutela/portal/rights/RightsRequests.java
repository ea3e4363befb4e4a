package eu.tutela.portal.rights;

import eu.tutela.portal.people.ConsentParties;
import eu.tutela.portal.people.Correction;
import eu.tutela.portal.people.People;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.CurrentMembership;
import eu.tutela.portal.security.CurrentUser;
import eu.tutela.portal.security.PortalUser;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rights requests from the requester's side, for any member signed in: a student, staff, a guardian for themself or,
 * on the child's behalf, for a minor child they hold parental responsibility for. They submit, follow the timeline,
 * answer the DPO and withdraw. Each person sees only the requests they made.
 */
@Service
public class RightsRequests {

    static final int MAX_TEXT = 5000;

    private final RightsRequestRepository repository;
    private final People people;
    private final Caller caller;
    private final CurrentUser currentUser;
    private final TenantSettingsService settings;
    private final RequestIntake intake;
    private final ApplicationEventPublisher events;
    private final RequestTimeline timeline;
    private final TransactionTemplate transactions;

    RightsRequests(RightsRequestRepository repository, People people, Caller caller, CurrentUser currentUser, TenantSettingsService settings,
            RequestIntake intake, ApplicationEventPublisher events, RequestTimeline timeline, TransactionTemplate transactions) {
        this.timeline = timeline;
        this.transactions = transactions;
        this.repository = repository;
        this.people = people;
        this.caller = caller;
        this.currentUser = currentUser;
        this.settings = settings;
        this.intake = intake;
        this.events = events;
    }

    /** Whom the caller may make a request about: themself (when the registry knows them), then their minor children. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')")
    @Transactional(readOnly = true)
    public List<RequestSubject> subjects() {
        CurrentMembership member = caller.require(TenantRole.values());
        List<RequestSubject> subjects = new ArrayList<>();
        Optional<ConsentParties> me = people.myself();
        me.ifPresent(p -> subjects.add(new RequestSubject(p.personId(), p.name(), true)));
        if (member.hasAny(TenantRole.GUARDIAN) && me.isPresent()) {
            // A guardian acts for a child only while the child is a minor and only with parental responsibility (GDPR Art. 8).
            people.myChildren().stream()
                    .filter(c -> c.minor() && c.responsibleGuardians().stream().anyMatch(g -> g.id().equals(me.get().personId())))
                    .forEach(c -> subjects.add(new RequestSubject(c.personId(), c.name(), false)));
        }
        return subjects;
    }

    /**
     * Receives a request about {@code subjectId} (one of {@link #subjects()}); its deadline runs from now.
     *
     * @throws InvalidInputException on {@code subject} (not one the caller may ask about), {@code type} (missing, or one
     *         of that type already open for that person), {@code details} (missing where the type needs it, too long)
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')")
    @Transactional
    public RightsRequest submit(UUID subjectId, RequestType type, String details) {
        return submit(subjectId, type, details, null);
    }

    /**
     * As {@link #submit(UUID, RequestType, String)}, with, for a rectification, the values the record should have
     * (GDPR Art. 16), checked against the registry's own rules; the DPO applies them on approval.
     *
     * @throws InvalidInputException also on {@code correction.<field>} ({@code correction.givenName}…) for a value the
     *         registry would refuse
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')")
    @Transactional
    public RightsRequest submit(UUID subjectId, RequestType type, String details, Correction correction) {
        caller.require(TenantRole.values());
        String text = details == null ? "" : details.strip();
        Map<String, String> problems = new HashMap<>();
        if (type == null) {
            problems.put("type", "rights.type.required");
        }
        boolean corrects = type == RequestType.RECTIFICATION && correction != null && !correction.isEmpty();
        if (corrects) {
            correction.problems(LocalDate.now(settings.current().timeZone())).forEach((field, key) -> problems.put("correction." + field, key));
        }
        if (text.length() > MAX_TEXT) {
            problems.put("details", "rights.text.tooLong");
        } else if (text.isEmpty() && type != null && type.needsDetails() && !corrects) {
            problems.put("details", "rights.details.required");
        }
        List<RequestSubject> mine = subjects();
        Optional<RequestSubject> subject = mine.stream().filter(s -> s.personId().equals(subjectId)).findFirst();
        if (subject.isEmpty()) {
            problems.put("subject", mine.isEmpty() ? "rights.subject.notInRegistry" : "rights.subject.notYours");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PortalUser me = currentUser.portalUser().orElseThrow();
        TenantSettings tenant = settings.current();
        Instant now = Instant.now();
        String lang = me.locale().filter(tenant.languages()::contains).orElse(tenant.languages().getFirst());
        RightsRequestRepository.Stored request = new RightsRequestRepository.Stored(UUID.randomUUID(), RequestIntake.newReference(), type, subjectId,
                me.id(), mine.stream().filter(RequestSubject::self).map(RequestSubject::personId).findFirst().orElse(null),
                me.displayName(), me.email(), lang, RightsRequest.RequestSource.PORTAL, text, RequestStatus.RECEIVED, now,
                RequestDeadline.of(now, tenant.timeZone()), null, null, null, null, null);
        if (repository.openOf(subjectId, type)) {
            throw InvalidInputException.of("type", "rights.type.alreadyOpen");
        }
        try {
            intake.receive(request, me.id());
        } catch (DuplicateKeyException raced) {
            // The same request submitted twice at the same moment (a double click, two guardians): one stands.
            throw InvalidInputException.of("type", "rights.type.alreadyOpen");
        }
        if (corrects) {
            repository.insertCorrection(request.id(), correction.fields());
        }
        return request.withSubjectName(subject.get().name());
    }

    /** The caller's own requests, newest first. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')")
    @Transactional(readOnly = true)
    public List<RightsRequest> mine() {
        UUID me = caller.require(TenantRole.values()).personId();
        Map<UUID, String> names = names();
        return repository.byRequester(me).stream().map(r -> r.withSubjectName(names.getOrDefault(r.subjectId(), r.requesterName()))).toList();
    }

    /** The caller's own requests, newest first, each with what its timeline shows them: the "My requests" page in one call. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')")
    @Transactional(readOnly = true)
    public List<RequestDetail> mineWithTimelines() {
        UUID me = caller.require(TenantRole.values()).personId();
        Map<UUID, String> names = names();
        return repository.byRequester(me).stream().map(r -> new RequestDetail(r.withSubjectName(names.getOrDefault(r.subjectId(),
                r.requesterName())), timeline.of(r).stream().filter(RequestEvent::visibleToRequester).toList())).toList();
    }

    /** One of the caller's requests with what its timeline shows them (no internal note); empty for anyone else's. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')")
    @Transactional(readOnly = true)
    public Optional<RequestDetail> mine(UUID requestId) {
        UUID me = caller.require(TenantRole.values()).personId();
        return repository.find(requestId).filter(r -> me.equals(r.requesterUserId())).map(r -> new RequestDetail(
                r.withSubjectName(names().getOrDefault(r.subjectId(), r.requesterName())),
                timeline.of(r).stream().filter(RequestEvent::visibleToRequester).toList()));
    }

    /**
     * Withdraws an open request of the caller's.
     *
     * @throws InvalidInputException on {@code request} when it is not theirs or is closed already
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')")
    @Transactional
    public void withdraw(UUID requestId) {
        RightsRequestRepository.Stored request = ownOpen(requestId);
        repository.status(requestId, RequestStatus.WITHDRAWN, null);
        repository.event(requestId, RequestEvent.Kind.STATUS, RequestStatus.WITHDRAWN, null, request.requesterUserId());
        events.publishEvent(AuditedChange.of("rights.request.withdrawn", "rights_request", requestId, request.reference(),
                Map.of("status", request.status().name()), Map.of("status", RequestStatus.WITHDRAWN.name())));
    }

    /**
     * The requester answers the DPO: the request goes back to work when it was waiting for them.
     *
     * @throws InvalidInputException on {@code request} (not theirs, closed), {@code body} (empty, too long)
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')")
    @Transactional
    public void reply(UUID requestId, String body) {
        String text = RequestText.required(body, "body");
        RightsRequestRepository.Stored request = ownOpen(requestId);
        repository.event(requestId, RequestEvent.Kind.FROM_REQUESTER, null, text, request.requesterUserId());
        if (request.status() == RequestStatus.WAITING_FOR_REQUESTER) {
            RequestStatus back = request.deadline().extensionMonths() > 0 ? RequestStatus.EXTENDED : RequestStatus.IN_PROGRESS;
            repository.status(requestId, back, null);
            repository.event(requestId, RequestEvent.Kind.STATUS, back, null, null);
        }
        events.publishEvent(AuditedChange.of("rights.request.answered", "rights_request", requestId, request.reference(), Map.of(),
                Map.of("length", text.length())));
    }

    /** The newest archive of one of the caller's requests; empty for anyone else's. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')")
    @Transactional(readOnly = true)
    public Optional<AccessArchive> archive(UUID requestId) {
        UUID me = caller.require(TenantRole.values()).personId();
        return repository.find(requestId).filter(r -> me.equals(r.requesterUserId())).flatMap(r -> repository.archiveOf(requestId));
    }

    /**
     * Writes the archive's file, for its requester only and until it expires, chunk by chunk, each read in a short
     * transaction of its own (a slow phone holds no connection); each download is counted and audited first.
     *
     * @return the archive, as it was before this download (its name and size, for the response)
     * @throws InvalidInputException before anything is written, on {@code archive}: not theirs ({@code rights.archive.unknown}),
     *         expired ({@code rights.archive.expired}) or not ready
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')")
    public AccessArchive download(UUID requestId, OutputStream out) {
        UUID me = caller.require(TenantRole.values()).personId();
        AccessArchive archive = transactions.execute(s -> {
            RightsRequestRepository.Stored request = repository.find(requestId).filter(r -> me.equals(r.requesterUserId()))
                    .orElseThrow(() -> InvalidInputException.of("archive", "rights.archive.unknown"));
            AccessArchive ready = repository.archiveOf(requestId).filter(a -> a.status() == AccessArchive.Status.READY)
                    .orElseThrow(() -> InvalidInputException.of("archive", "rights.archive.unknown"));
            if (!ready.downloadable(Instant.now())) {
                throw InvalidInputException.of("archive", "rights.archive.expired");
            }
            repository.downloaded(ready.id());
            events.publishEvent(AuditedChange.of("rights.archive.downloaded", "rights_request", requestId, request.reference(),
                    Map.of("downloads", ready.downloads()), Map.of("downloads", ready.downloads() + 1, "bytes", ready.sizeBytes())));
            return ready;
        });
        try {
            for (int n = 0; ; n++) {
                int chunk = n;
                Optional<byte[]> bytes = transactions.execute(s -> repository.archiveChunk(archive.id(), chunk));
                if (bytes.isEmpty()) {
                    return archive;
                }
                out.write(bytes.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RightsRequestRepository.Stored ownOpen(UUID requestId) {
        UUID me = caller.require(TenantRole.values()).personId();
        return repository.lock(requestId).filter(r -> me.equals(r.requesterUserId()) && !r.status().closed())
                .orElseThrow(() -> InvalidInputException.of("request", "rights.request.notOpen"));
    }

    private Map<UUID, String> names() {
        Map<UUID, String> names = new HashMap<>();
        subjects().forEach(s -> names.put(s.personId(), s.name()));
        return names;
    }
}
