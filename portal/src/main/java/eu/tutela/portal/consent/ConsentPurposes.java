package eu.tutela.portal.consent;

import eu.tutela.policy.LawfulBasis;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.policy.PolicyVersions;
import eu.tutela.portal.policy.StatedPurpose;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The purposes of the tenant of the current work. They come from its privacy policy: each published version states its
 * purposes (its template's, for the clauses chosen) and they follow it, a purpose it no longer states being retired
 * (kept, with the consents given for it, as history). Administrators and the DPO may adapt a purpose's wording (a new
 * version keeps it), and add a purpose by hand with its lawful basis; the basis of a purpose the policy states is the
 * policy's, changed by publishing a new version. Every change is in the audit trail.
 */
@Service
public class ConsentPurposes {

    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 2000;

    private final PurposeRepository repository;
    private final PolicyVersions versions;
    private final Caller caller;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    ConsentPurposes(PurposeRepository repository, PolicyVersions versions, Caller caller, ApplicationEventPublisher events,
            MessageSource messages) {
        this.repository = repository;
        this.messages = messages;
        this.versions = versions;
        this.caller = caller;
        this.events = events;
    }

    /** Every purpose, the active ones first. Any member may read them: they say what the institution does with data. */
    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public List<ConsentPurpose> all() {
        return repository.all();
    }

    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public Optional<ConsentPurpose> find(UUID id) {
        return repository.find(id);
    }

    /** Whether the caller may change purposes (the pages offer it only then; the service checks anyway). */
    @PreAuthorize("@caller.isSystemWorkOrMember()")
    public boolean mayEdit() {
        return caller.membership().filter(m -> m.hasAny(TenantRole.ADMIN, TenantRole.DPO)).isPresent();
    }

    /**
     * Takes the purposes the active version states: new ones added, the others brought to its wording (unless reworded
     * here) and basis, those it no longer states retired. Done by itself at each publication; offered on the page for a
     * policy published before purposes were kept.
     *
     * @throws InvalidInputException on {@code policy} when no version is published
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public PurposeChanges takeFromActivePolicy() {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        PolicyVersion active = versions.active().orElseThrow(() -> InvalidInputException.of("policy", "consent.purposes.noPolicy"));
        return takeFrom(active.number());
    }

    /** The same, for the version just published (in its publication's transaction). */
    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional
    PurposeChanges takeFrom(int number) {
        List<StatedPurpose> stated = versions.purposes(number);
        Map<String, ConsentPurpose> known = repository.all().stream().collect(Collectors.toMap(ConsentPurpose::code, p -> p));
        int added = 0;
        int updated = 0;
        int position = 0;
        for (StatedPurpose s : stated) {
            position++;
            PurposeWording wording = new PurposeWording(s.nameFr(), s.nameEn(), s.descriptionFr(), s.descriptionEn());
            ConsentPurpose before = known.get(s.code());
            if (before == null) {
                repository.insert(UUID.randomUUID(), s.code(), wording, s.basis(), s.sectionId(), number, position);
                added++;
            } else {
                // A purpose added by hand under the code the policy now uses is the policy's from now on.
                repository.restate(before.id(), wording, s.basis(), s.sectionId(), number, position);
                boolean changed = before.addedByHand() || before.basis() != s.basis() || before.status() != ConsentPurpose.Status.ACTIVE
                        || !before.reworded() && !before.wording().equals(wording);
                updated += changed ? 1 : 0;
            }
        }
        if (!known.containsKey(ConsentPurpose.ACCOUNT)) {
            repository.insert(UUID.randomUUID(), ConsentPurpose.ACCOUNT, accountWording(), LawfulBasis.A, null, null, 0);
            added++;
        }
        Set<String> codes = stated.stream().map(StatedPurpose::code).collect(Collectors.toSet());
        int retired = 0;
        for (ConsentPurpose p : known.values()) {
            if (!p.addedByHand() && !p.isAccount() && !codes.contains(p.code()) && p.status() == ConsentPurpose.Status.ACTIVE) {
                repository.status(p.id(), ConsentPurpose.Status.RETIRED);
                retired++;
            }
        }
        PurposeChanges changes = new PurposeChanges(added, updated, retired);
        if (added + updated + retired > 0) {
            events.publishEvent(AuditedChange.of("consent.purposes.stated", "policy-version", number, "v" + number, Map.of(),
                    Map.of("added", added, "updated", updated, "retired", retired)));
        }
        return changes;
    }

    /**
     * Adapts a purpose's wording; a new version of the policy keeps it.
     *
     * @throws InvalidInputException naming each wrong field, or {@code purpose} when there is no such purpose here
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public ConsentPurpose reword(UUID id, PurposeWording wording) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        ConsentPurpose before = known(id);
        PurposeWording clean = validated(wording);
        if (!clean.equals(before.wording())) {
            repository.reword(id, clean);
            events.publishEvent(AuditedChange.of("consent.purpose.reworded", "consent-purpose", id, before.code(),
                    wordingOf(before.wording()), wordingOf(clean)));
        }
        return known(id);
    }

    /**
     * Adds a purpose the policy does not state, with its lawful basis (consent: off for each person until they consent).
     *
     * @throws InvalidInputException naming each wrong field
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public ConsentPurpose add(PurposeWording wording, LawfulBasis basis) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        PurposeWording clean = validated(wording);
        if (basis == null) {
            throw InvalidInputException.of("basis", "consent.purpose.basisRequired");
        }
        String code = codeFor(clean.nameEn());
        if (repository.findByCode(code).isPresent()) {
            throw InvalidInputException.of("nameEn", "consent.purpose.duplicate");
        }
        UUID id = UUID.randomUUID();
        repository.insert(id, code, clean, basis, null, null, 0);
        Map<String, Object> after = new LinkedHashMap<>(wordingOf(clean));
        after.put("basis", basis.article());
        events.publishEvent(AuditedChange.of("consent.purpose.added", "consent-purpose", id, code, Map.of(), after));
        return known(id);
    }

    /**
     * Changes the lawful basis of a purpose added by hand (the policy's purposes have the policy's basis).
     *
     * @throws InvalidInputException on {@code basis} for a purpose the policy states
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public ConsentPurpose rebase(UUID id, LawfulBasis basis) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        ConsentPurpose before = known(id);
        if (basis == null) {
            throw InvalidInputException.of("basis", "consent.purpose.basisRequired");
        }
        if (!before.addedByHand()) {
            throw InvalidInputException.of("basis", before.isAccount() ? "consent.purpose.accountFixed" : "consent.purpose.basisFromPolicy");
        }
        if (basis != before.basis()) {
            repository.rebase(id, basis);
            events.publishEvent(AuditedChange.of("consent.purpose.rebased", "consent-purpose", id, before.code(),
                    Map.of("basis", before.basis().article()), Map.of("basis", basis.article())));
        }
        return known(id);
    }

    /** Retires a purpose (kept as history) or brings it back; a purpose the policy states follows the policy instead. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public ConsentPurpose setActive(UUID id, boolean active) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        ConsentPurpose before = known(id);
        if (!before.addedByHand()) {
            throw InvalidInputException.of("purpose", before.isAccount() ? "consent.purpose.accountFixed" : "consent.purpose.statusFromPolicy");
        }
        ConsentPurpose.Status status = active ? ConsentPurpose.Status.ACTIVE : ConsentPurpose.Status.RETIRED;
        if (status != before.status()) {
            repository.status(id, status);
            events.publishEvent(AuditedChange.of(active ? "consent.purpose.restored" : "consent.purpose.retired", "consent-purpose", id,
                    before.code(), Map.of("status", before.status().name()), Map.of("status", status.name())));
        }
        return known(id);
    }

    /** The account's wording, in the institution's two languages, as the messages word it; adaptable afterwards. */
    private PurposeWording accountWording() {
        return new PurposeWording(messages.getMessage("consent.account.name", null, Locale.FRENCH),
                messages.getMessage("consent.account.name", null, Locale.ENGLISH),
                messages.getMessage("consent.account.description", null, Locale.FRENCH),
                messages.getMessage("consent.account.description", null, Locale.ENGLISH));
    }

    private ConsentPurpose known(UUID id) {
        return repository.find(id).orElseThrow(() -> InvalidInputException.of("purpose", "consent.purpose.unknown"));
    }

    private static PurposeWording validated(PurposeWording w) {
        Map<String, String> problems = new LinkedHashMap<>();
        String nameFr = text(w == null ? null : w.nameFr(), "nameFr", MAX_NAME, problems);
        String nameEn = text(w == null ? null : w.nameEn(), "nameEn", MAX_NAME, problems);
        String descriptionFr = text(w == null ? null : w.descriptionFr(), "descriptionFr", MAX_DESCRIPTION, problems);
        String descriptionEn = text(w == null ? null : w.descriptionEn(), "descriptionEn", MAX_DESCRIPTION, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PurposeWording(nameFr, nameEn, descriptionFr, descriptionEn);
    }

    /** Required plain text: shown as text anyway, markup is refused so that nobody reads a tag where words were meant. */
    private static String text(String value, String field, int max, Map<String, String> problems) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            problems.put(field, "consent.purpose.required");
        } else if (clean.length() > max) {
            problems.put(field, max == MAX_NAME ? "consent.purpose.nameTooLong" : "consent.purpose.descriptionTooLong");
        } else if (clean.indexOf('<') >= 0 || clean.indexOf('>') >= 0) {
            problems.put(field, "consent.purpose.markup");
        } else if (clean.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            problems.put(field, "consent.purpose.control");
        }
        return clean;
    }

    /** A code from the English name: "School trips abroad" → "school-trips-abroad". */
    static String codeFor(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String code = folded.length() > 60 ? folded.substring(0, 60).replaceAll("-+$", "") : folded;
        return code.isEmpty() ? "purpose" : code;
    }

    private static Map<String, Object> wordingOf(PurposeWording w) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nameFr", w.nameFr());
        map.put("nameEn", w.nameEn());
        map.put("descriptionFr", w.descriptionFr());
        map.put("descriptionEn", w.descriptionEn());
        return map;
    }
}
