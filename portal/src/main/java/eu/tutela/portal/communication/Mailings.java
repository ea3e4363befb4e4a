package eu.tutela.portal.communication;

import eu.tutela.portal.consent.ConsentPurpose;
import eu.tutela.portal.consent.ConsentPurposes;
import eu.tutela.portal.jobs.JobProgress;
import eu.tutela.portal.jobs.Jobs;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.CurrentMembership;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantRole;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages an institution's administrators and DPO send to its students or their guardians for one of its purposes
 * (the school's news…). Sending is background work that writes to each person only if the consent module allows that
 * purpose by e-mail for them at that moment; the page shows what became of it: sent, held back, no address.
 */
@Service
public class Mailings {

    static final int SUBJECT_MAX = 200;
    static final int BODY_MAX = 10_000;
    private static final Pattern MARKUP = Pattern.compile("[<>]|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private final MailingRepository repository;
    private final ConsentPurposes purposes;
    private final Jobs jobs;
    private final Caller caller;
    private final ApplicationEventPublisher events;

    Mailings(MailingRepository repository, ConsentPurposes purposes, Jobs jobs, Caller caller, ApplicationEventPublisher events) {
        this.repository = repository;
        this.purposes = purposes;
        this.jobs = jobs;
        this.caller = caller;
        this.events = events;
    }

    /** The purposes a mailing may be for: the active ones, except the child's portal account (which is no subject for news). */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<ConsentPurpose> purposes() {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return purposes.all().stream().filter(p -> p.status() == ConsentPurpose.Status.ACTIVE && !p.isAccount()).toList();
    }

    /**
     * Queues the mailing: it goes out in the background, each person written to only where their consent (or their
     * guardians') and their channels allow it then.
     *
     * @return the mailing's id
     * @throws InvalidInputException on {@code purpose}, {@code audience}, {@code subject} or {@code body}
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public UUID send(MailingDraft draft) {
        CurrentMembership member = caller.require(TenantRole.ADMIN, TenantRole.DPO);
        MailingDraft clean = validated(draft);
        UUID id = UUID.randomUUID();
        UUID runId = jobs.start(MailingJob.KIND, id.toString());
        repository.insert(id, clean, member.personId(), runId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("purpose", clean.purposeCode());
        after.put("audience", clean.audience().name());
        after.put("class", clean.className() == null ? "" : clean.className());
        events.publishEvent(AuditedChange.of("mailing.sent", "mailing", id, clean.subject(), Map.of(), after));
        return id;
    }

    /** The newest mailings first, with what became of each so far. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public List<MailingSummary> newest(int limit) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return repository.newest(Math.max(1, Math.min(limit, 200))).stream().map(this::summary).toList();
    }

    /** One mailing of the caller's institution; empty for an unknown id or another institution's. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Optional<MailingSummary> find(UUID id) {
        caller.require(TenantRole.ADMIN, TenantRole.DPO);
        return repository.summary(id).map(this::summary);
    }

    private MailingSummary summary(MailingRepository.Summary s) {
        boolean done = jobs.progress(s.runId()).map(JobProgress::finished).orElse(false);
        return new MailingSummary(s.id(), s.purposeCode(), s.audience(), s.className(), s.subject(), s.createdAt(), s.runId(), s.sent(),
                s.notAllowed(), s.noAddress(), s.unsubscribed(), done);
    }

    private MailingDraft validated(MailingDraft draft) {
        Map<String, String> problems = new HashMap<>();
        String code = draft == null ? null : draft.purposeCode();
        if (code == null || purposes().stream().noneMatch(p -> p.code().equals(code))) {
            problems.put("purpose", "mailing.purpose.unknown");
        }
        if (draft == null || draft.audience() == null) {
            problems.put("audience", "mailing.audience.required");
        }
        String subject = draft == null || draft.subject() == null ? "" : draft.subject().strip();
        if (subject.isEmpty()) {
            problems.put("subject", "mailing.subject.required");
        } else if (subject.length() > SUBJECT_MAX) {
            problems.put("subject", "mailing.subject.tooLong");
        } else if (MARKUP.matcher(subject).find() || CONTROL.matcher(subject).find()) {
            problems.put("subject", "mailing.subject.markup");
        }
        String body = draft == null || draft.body() == null ? "" : draft.body().strip();
        if (body.isEmpty()) {
            problems.put("body", "mailing.body.required");
        } else if (body.length() > BODY_MAX) {
            problems.put("body", "mailing.body.tooLong");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String className = draft.className() == null || draft.className().isBlank() ? null : draft.className().strip();
        return new MailingDraft(code, draft.audience(), className, subject, body);
    }
}
