package eu.tutela.portal.people;

import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.CurrentMembership;
import eu.tutela.portal.security.InvitationAccepted;
import eu.tutela.portal.spreadsheet.SpreadsheetCsv;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of the tenant of the current work: students, guardians and staff, and who is whose guardian.
 * Administrators and the DPO register, edit and deactivate people and see everything; staff see names, class
 * and links only. Every change is in the audit trail.
 */
@Service
public class People {

    private final PeopleRepository repository;
    private final TenantSettingsService settings;
    private final Caller caller;
    private final ApplicationEventPublisher events;

    People(PeopleRepository repository, TenantSettingsService settings, Caller caller, ApplicationEventPublisher events) {
        this.repository = repository;
        this.settings = settings;
        this.caller = caller;
        this.events = events;
    }

    /**
     * Registers a person.
     *
     * @throws InvalidInputException naming each field that is wrong (nothing is saved)
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public Person register(PersonDetails details) {
        PersonDetails clean = validated(details, null);
        UUID id = UUID.randomUUID();
        repository.insert(id, clean);
        events.publishEvent(AuditedChange.of("person.registered", "person", id, clean.givenName() + " " + clean.familyName(),
                Map.of(), summary(clean)));
        return find(id).orElseThrow();
    }

    /** @throws InvalidInputException naming each wrong field, or {@code person} when there is no such person here */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public Person update(UUID id, PersonDetails details) {
        PeopleRepository.Stored before = unrestricted(id);
        PersonDetails clean = validated(details, id);
        repository.update(id, clean);
        events.publishEvent(AuditedChange.of("person.updated", "person", id, clean.givenName() + " " + clean.familyName(),
                summary(details(before)), summary(clean)));
        return find(id).orElseThrow();
    }

    /**
     * Applies a correction a person asked for (GDPR Art. 16) to their record, under the registry's own rules.
     *
     * @throws InvalidInputException naming each wrong field, {@code person} (unknown or another institution's, restricted)
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public Person correct(UUID id, Correction correction) {
        PeopleRepository.Stored before = unrestricted(id);
        PersonDetails clean = validated(correction.applyTo(details(before)), id);
        repository.update(id, clean);
        events.publishEvent(AuditedChange.of("person.corrected", "person", id, clean.givenName() + " " + clean.familyName(),
                summary(details(before)), summary(clean)));
        return find(id).orElseThrow();
    }

    /** A deactivated person stays in the registry (their history with it) but is no longer counted as present. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public void setActive(UUID id, boolean active) {
        PeopleRepository.Stored before = unrestricted(id);
        if (before.active() != active) {
            repository.setActive(id, active);
            events.publishEvent(AuditedChange.of(active ? "person.reactivated" : "person.deactivated", "person", id,
                    before.givenName() + " " + before.familyName(), Map.of("active", before.active()), Map.of("active", active)));
        }
    }

    /**
     * Links a guardian to a child (or changes the link's details).
     *
     * @throws InvalidInputException on {@code guardian} or {@code child} when either is not a person here of that kind
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public void link(UUID guardianId, UUID childId, Relationship relationship, boolean parentalResponsibility) {
        PeopleRepository.Stored guardian = repository.find(guardianId).filter(p -> p.kind() == PersonKind.GUARDIAN)
                .orElseThrow(() -> InvalidInputException.of("guardian", "people.link.notGuardian"));
        PeopleRepository.Stored child = repository.find(childId).filter(p -> p.kind() == PersonKind.STUDENT)
                .orElseThrow(() -> InvalidInputException.of("child", "people.link.notStudent"));
        if (guardian.restricted() || child.restricted()) {
            throw InvalidInputException.of("person", "people.restricted.noChange");
        }
        repository.link(guardianId, childId, relationship, parentalResponsibility);
        events.publishEvent(new GuardianLinked(guardianId, childId, parentalResponsibility));
        events.publishEvent(AuditedChange.of("guardianship.linked", "person", childId, child.givenName() + " " + child.familyName(),
                Map.of(), Map.of("guardian", guardian.givenName() + " " + guardian.familyName(), "relationship", relationship.name(),
                        "parentalResponsibility", parentalResponsibility)));
    }

    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public void unlink(UUID guardianId, UUID childId) {
        if (repository.find(guardianId).filter(PeopleRepository.Stored::restricted).isPresent()
                || repository.find(childId).filter(PeopleRepository.Stored::restricted).isPresent()) {
            throw InvalidInputException.of("person", "people.restricted.noChange");
        }
        if (repository.unlink(guardianId, childId)) {
            events.publishEvent(AuditedChange.of("guardianship.unlinked", "person", childId, childId.toString(),
                    Map.of("guardian", guardianId.toString()), Map.of()));
        }
    }

    /**
     * Restricts the processing of the person's data (GDPR Art. 18), with why (a rights request's reference, a note): the
     * record is kept as it is, and left out of mailings, consent invitations and reminders, notices and imports, and
     * refused to edits, until the restriction is lifted. Restricting again changes nothing.
     *
     * @throws InvalidInputException on {@code person} (unknown, or another institution's), {@code reason} (empty, too long)
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO')")
    @Transactional
    public void restrict(UUID id, String reason) {
        PeopleRepository.Stored person = stored(id);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw InvalidInputException.of("reason", "people.restricted.reason");
        }
        if (!person.restricted()) {
            repository.restrict(id, why);
            events.publishEvent(AuditedChange.of("person.restricted", "person", id, name(person), Map.of(), Map.of("reason", why)));
        }
    }

    /**
     * Lifts the restriction: the person's data is processed again. Whoever asked for it is told (GDPR Art. 18(3)), through
     * {@link RestrictionLifted}.
     *
     * @throws InvalidInputException on {@code person} (unknown, or another institution's)
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public void liftRestriction(UUID id) {
        PeopleRepository.Stored person = stored(id);
        if (person.restricted()) {
            repository.restrict(id, null);
            events.publishEvent(AuditedChange.of("person.restrictionLifted", "person", id, name(person), Map.of("restricted", true),
                    Map.of("restricted", false)));
            events.publishEvent(new RestrictionLifted(id));
        }
    }

    private PeopleRepository.Stored unrestricted(UUID id) {
        PeopleRepository.Stored person = stored(id);
        if (person.restricted()) {
            throw InvalidInputException.of("person", "people.restricted.noChange");
        }
        return person;
    }

    /** Whether the caller may register and edit people here (the pages offer it only then; the service checks anyway). */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF')")
    public boolean mayEdit() {
        return caller.require(TenantRole.ADMIN, TenantRole.DPO, TenantRole.STAFF).hasAny(TenantRole.ADMIN, TenantRole.DPO);
    }

    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public Optional<Person> find(UUID id) {
        return repository.find(id).map(viewer()::see);
    }

    /**
     * The whole record, as administrators and the DPO see it, for the platform's own work too: what a rights request's
     * archive or erasure needs of the registry. Empty for an unknown person (or another institution's).
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Optional<Person> wholeRecord(UUID id) {
        return repository.find(id).map(p -> view(p, new Viewer(minorSince(), true)));
    }

    /** The person with this external id (the roster's key), if any. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public Optional<Person> findByExternalId(String externalId) {
        return repository.findByExternalId(externalId).map(viewer()::see);
    }

    /** A page of the people matching {@code filter}, sorted and paged by the database. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public List<Person> search(PeopleFilter filter, PeopleSort sort, int offset, int limit) {
        Viewer viewer = viewer();
        return repository.page(filter, viewer.minorSince(), sort, Math.max(0, offset), Math.clamp(limit, 1, 500)).stream()
                .map(viewer::see).toList();
    }

    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public long count(PeopleFilter filter) {
        return repository.count(filter, minorSince());
    }

    /**
     * The people matching {@code filter} as a spreadsheet, read page by page (never the whole registry in memory),
     * formulas neutralised. Administrators and the DPO only: it is a copy of personal data leaving the portal.
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional // not read-only: the export itself goes into the audit trail
    public void exportCsv(PeopleFilter filter, Function<String, String> label, OutputStream out) {
        Viewer viewer = viewer();
        SpreadsheetCsv csv = SpreadsheetCsv.to(out, label.apply("people.externalId"), label.apply("people.kind"),
                label.apply("people.familyName"), label.apply("people.givenName"), label.apply("people.birthDate"),
                label.apply("people.minor"), label.apply("people.class"), label.apply("people.email"), label.apply("people.phone"),
                label.apply("people.language"), label.apply("people.function"), label.apply("people.status"),
                label.apply("people.restricted"));
        int page = 1000;
        for (int offset = 0; ; offset += page) {
            List<Person> found = repository.page(filter, viewer.minorSince(), PeopleSort.NAME, offset, page).stream().map(viewer::see).toList();
            for (Person p : found) {
                csv.row(p.externalId(), label.apply("people.kind." + p.kind().name()), p.familyName(), p.givenName(), p.birthDate(),
                        p.minor() ? label.apply("people.minor") : "", p.className(), p.email(), p.phone(), p.language(), p.jobFunction(),
                        p.active() ? "" : label.apply("people.inactive"), p.restricted() ? label.apply("people.restricted") : "");
            }
            if (found.size() < page) {
                break;
            }
        }
        csv.flush();
        events.publishEvent(AuditedChange.of("people.exported", "people", null, "people", Map.of(), Map.of("filter", filter.toString())));
    }

    /** A person's guardians (for a child) or children (for a guardian). */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public List<Guardianship> links(UUID personId) {
        Viewer viewer = viewer();
        return repository.links(personId).stream()
                .map(l -> new Guardianship(viewer.see(l.other()), l.relationship(), l.parentalResponsibility())).toList();
    }

    /**
     * The person and who may decide about their consent, read for the consent module, by its background work too.
     * Empty for an unknown person (or another institution's).
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public Optional<ConsentParties> consentParties(UUID personId) {
        return consentPartiesOf(personId);
    }

    /** As {@link #consentParties(UUID)} for many people in one statement (a mailing's hundred); the unknown ones absent. */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public Map<UUID, ConsentParties> consentParties(Collection<UUID> personIds) {
        LocalDate minorSince = minorSince();
        Map<UUID, ConsentParties> parties = new LinkedHashMap<>();
        repository.withGuardians(personIds).forEach((id, w) -> parties.put(id, parties(w, minorSince)));
        return parties;
    }

    private Optional<ConsentParties> consentPartiesOf(UUID personId) {
        LocalDate minorSince = minorSince();
        return repository.withGuardians(personId).map(w -> parties(w, minorSince));
    }

    private static ConsentParties parties(PeopleRepository.WithGuardians w, LocalDate minorSince) {
        return parties(w.person(), minorSince(w.person(), minorSince), w.guardians().stream()
                .map(l -> party(l.other(), l.parentalResponsibility())).toList());
    }

    /**
     * The signed-in member's own record in the registry (a guardian, a student, staff), with their guardians: the person
     * whose portal account they signed in with. Empty when their account is not linked to anyone here.
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO', 'STAFF', 'GUARDIAN', 'STUDENT')")
    @Transactional(readOnly = true)
    public Optional<ConsentParties> myself() {
        UUID account = caller.require(TenantRole.values()).personId();
        return repository.findByAccount(account).flatMap(p -> consentPartiesOf(p.id()));
    }

    /**
     * The children the signed-in guardian is linked to (active students), each with all their guardians, by name: what
     * the guardian may see, and decide about where they hold parental responsibility. Nobody else's.
     */
    @PreAuthorize("@caller.has('GUARDIAN')")
    @Transactional(readOnly = true)
    public List<ConsentParties> myChildren() {
        UUID account = caller.require(TenantRole.GUARDIAN).personId();
        return repository.findByAccount(account).filter(p -> p.kind() == PersonKind.GUARDIAN).stream()
                .flatMap(guardian -> repository.links(guardian.id()).stream())
                .filter(l -> l.other().kind() == PersonKind.STUDENT && l.other().active())
                .map(l -> consentPartiesOf(l.other().id()).orElseThrow())
                .toList();
    }

    /** A guardian's or student's invitation was accepted: the account is theirs from now on (once; a second is kept out). */
    @EventListener
    void on(InvitationAccepted accepted) {
        if (accepted.personId() != null && repository.linkAccount(accepted.personId(), accepted.userId())) {
            PeopleRepository.Stored person = stored(accepted.personId());
            events.publishEvent(AuditedChange.of("person.accountLinked", "person", person.id(), name(person), Map.of(),
                    Map.of("account", accepted.userId().toString(), "role", accepted.role().name())));
        }
    }

    /**
     * Every active minor of the institution with who may consent for them, by class then name: what the school's view
     * of pending consents counts (two queries, whatever the number of pupils).
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO', 'STAFF')")
    @Transactional(readOnly = true)
    public List<ConsentParties> minorsForConsent() {
        LocalDate minorSince = minorSince();
        Map<UUID, List<ConsentParties.Party>> guardians = new LinkedHashMap<>();
        repository.guardiansOfMinors(minorSince).forEach(link -> guardians.computeIfAbsent(link.childId(), id -> new ArrayList<>())
                .add(party(link.guardian(), link.parentalResponsibility())));
        return repository.minors(minorSince).stream().map(p -> parties(p, true, guardians.getOrDefault(p.id(), List.of()))).toList();
    }

    /** The active students of age (not minors) in this class (null: every class), by name, without their guardians. */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<ConsentParties> studentsOfAge(String className) {
        return repository.studentsOfAge(minorSince(), className).stream().map(p -> parties(p, false, List.of())).toList();
    }

    /**
     * Whom an institution writes to about a class (null: every class): its active students, or the active guardians of
     * its active students; by id. Whether each may be written to for a purpose is the consent module's answer.
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<Contact> reachable(PersonKind kind, String className) {
        if (kind != PersonKind.STUDENT && kind != PersonKind.GUARDIAN) {
            throw new IllegalArgumentException("Students or guardians, not " + kind);
        }
        return repository.reachable(kind, className).stream().map(p -> new Contact(p.id(), name(p), p.email(), p.language())).toList();
    }

    /**
     * The active students who reached the institution's age of digital consent on or after {@code from} (up to today,
     * on its calendar), with their guardians: whose own consent now takes over from their guardians'.
     */
    @PreAuthorize("@caller.isSystemWorkOrHas('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<ConsentParties> cameOfAgeSince(LocalDate from) {
        TenantSettings tenant = settings.current();
        // Came of age on day d = birth date + age (GDPR Art. 8; the minor rule below says the same): from <= d <= today.
        LocalDate earliest = from.minusYears(tenant.digitalConsentAge());
        return repository.students(earliest, minorSince()).stream().map(p -> parties(p, false, repository.links(p.id()).stream()
                .filter(l -> l.other().kind() == PersonKind.GUARDIAN).map(l -> party(l.other(), l.parentalResponsibility())).toList()))
                .toList();
    }

    private static ConsentParties.Party party(PeopleRepository.Stored guardian, boolean responsibility) {
        return new ConsentParties.Party(guardian.id(), name(guardian), responsibility, guardian.email(), guardian.language(),
                guardian.accountUserId() != null);
    }

    private static ConsentParties parties(PeopleRepository.Stored p, boolean minor, List<ConsentParties.Party> guardians) {
        return new ConsentParties(p.id(), name(p), p.kind(), p.className(), p.active(), minor, p.email(), p.language(),
                p.accountUserId() != null, guardians, p.restricted());
    }

    private static String name(PeopleRepository.Stored p) {
        return p.givenName() + " " + p.familyName();
    }

    /**
     * Who reads, as of when: the earliest birth date of someone still under the institution's age of digital
     * consent today on its calendar, and whether the caller sees everything (ADMIN, DPO) or names only (STAFF).
     */
    private record Viewer(LocalDate minorSince, boolean everything) {

        Person see(PeopleRepository.Stored p) {
            return view(p, this);
        }
    }

    private Viewer viewer() {
        CurrentMembership member = caller.require(TenantRole.ADMIN, TenantRole.DPO, TenantRole.STAFF);
        return new Viewer(minorSince(), member.hasAny(TenantRole.ADMIN, TenantRole.DPO));
    }

    private LocalDate minorSince() {
        TenantSettings tenant = settings.current();
        // Minor while younger than the age of digital consent (GDPR Art. 8; ages per country in
        // shared/reference/gdpr-facts.md, "Age of digital consent"): born after this date.
        return LocalDate.now(tenant.timeZone()).minusYears(tenant.digitalConsentAge());
    }

    private static boolean minorSince(PeopleRepository.Stored p, LocalDate minorSince) {
        return p.kind() == PersonKind.STUDENT && p.birthDate() != null && p.birthDate().isAfter(minorSince);
    }

    private static Person view(PeopleRepository.Stored p, Viewer viewer) {
        boolean minor = minorSince(p, viewer.minorSince());
        if (viewer.everything()) {
            return new Person(p.id(), p.kind(), p.givenName(), p.familyName(), p.birthDate(), p.className(), p.email(), p.phone(),
                    p.language(), p.jobFunction(), p.externalId(), p.active(), p.accountUserId(), minor, p.restrictedSince());
        }
        return new Person(p.id(), p.kind(), p.givenName(), p.familyName(), null, p.className(), null, null, null, p.jobFunction(),
                null, p.active(), null, minor, p.restrictedSince());
    }

    private PeopleRepository.Stored stored(UUID id) {
        return repository.find(id).orElseThrow(() -> InvalidInputException.of("person", "people.unknown"));
    }

    private PersonDetails validated(PersonDetails d, UUID self) {
        PersonRules.Checked checked = PersonRules.check(d, LocalDate.now(settings.current().timeZone()));
        Map<String, String> problems = new LinkedHashMap<>(checked.problems());
        String externalId = checked.details().externalId();
        if (externalId != null && !problems.containsKey("externalId")
                && repository.externalIdTaken(externalId, self == null ? new UUID(0, 0) : self)) {
            problems.put("externalId", "people.externalId.taken");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return checked.details();
    }

    private static PersonDetails details(PeopleRepository.Stored p) {
        return new PersonDetails(p.kind(), p.givenName(), p.familyName(), p.birthDate(), p.className(), p.email(), p.phone(),
                p.language(), p.jobFunction(), p.externalId());
    }

    /** What the audit trail keeps of a person's record. */
    private static Map<String, Object> summary(PersonDetails d) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", d.kind().name());
        summary.put("name", d.givenName() + " " + d.familyName());
        if (d.birthDate() != null) {
            summary.put("birthDate", d.birthDate().toString());
        }
        if (d.className() != null) {
            summary.put("class", d.className());
        }
        if (d.email() != null) {
            summary.put("email", d.email());
        }
        if (d.externalId() != null) {
            summary.put("externalId", d.externalId());
        }
        return summary;
    }
}
