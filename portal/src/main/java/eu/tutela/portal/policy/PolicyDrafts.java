package eu.tutela.portal.policy;

import eu.tutela.policy.Lang;
import eu.tutela.policy.PolicyTemplates;
import eu.tutela.policy.PolicyValidationException;
import eu.tutela.policy.TemplateDescription;
import eu.tutela.policy.catalogue.ClauseDefinition;
import eu.tutela.policy.catalogue.PolicyTemplate;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editor's service (administrators and DPO): the templates to start from, the draft of the next
 * version, saved as people type, and its preview. Two people editing at once never overwrite each
 * other: each save names the revision it was made on ({@link StaleDraftException} otherwise).
 */
@Service
public class PolicyDrafts {

    private final PolicyRepository repository;
    private final PolicyTemplates templates;
    private final TenantSettingsService settings;
    private final Caller caller;
    private final PortalUsers users;
    private final ApplicationEventPublisher events;

    PolicyDrafts(PolicyRepository repository, PolicyTemplates templates, TenantSettingsService settings, Caller caller,
            PortalUsers users, ApplicationEventPublisher events) {
        this.repository = repository;
        this.templates = templates;
        this.settings = settings;
        this.caller = caller;
        this.users = users;
        this.events = events;
    }

    /** The catalogue's templates, named and described in {@code lang}. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    public List<TemplateDescription> templates(Lang lang) {
        return templates.list(lang);
    }

    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    public TemplateDescription describe(String templateId, Lang lang) {
        return templates.describe(known(templateId), lang);
    }

    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Optional<PolicyDraft> current() {
        return repository.draft();
    }

    /**
     * Starts the draft of the next version from a template. When the active version was made from the
     * same template, the draft starts from it (the next version edits the current one); otherwise from
     * the institution's settings (name, country, DPO, authority, age of digital consent) and the
     * template's default clauses.
     *
     * @throws StaleDraftException when the institution has a draft already: it is returned instead
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public PolicyDraft start(String templateId) {
        PolicyTemplate template = templates.template(known(templateId));
        DraftContent content = repository.active()
                .filter(active -> active.templateId().equals(templateId))
                .flatMap(active -> repository.content(active.number()))
                .orElseGet(() -> prefilled(template, settings.current()));
        Editor editor = editor();
        if (!repository.insertDraft(templateId, content, editor.id(), editor.name())) {
            throw new StaleDraftException(repository.draft().orElseThrow());
        }
        events.publishEvent(AuditedChange.of("policy.draft.started", "policy-draft", templateId, template.name(Lang.EN),
                Map.of(), Map.of("template", templateId)));
        return repository.draft().orElseThrow();
    }

    /**
     * Saves the draft as the editor has it now.
     *
     * @param expectedRevision the revision the editor's content was made from
     * @throws StaleDraftException when someone saved since (nothing is saved; their draft is returned)
     * @throws InvalidInputException on {@code draft} when the draft is gone (published or discarded meanwhile)
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public PolicyDraft save(DraftContent content, int expectedRevision) {
        Editor editor = editor();
        if (!repository.updateDraft(content, expectedRevision, editor.id(), editor.name())) {
            throw repository.draft().map(StaleDraftException::new)
                    .orElseThrow(() -> InvalidInputException.of("draft", "policy.draft.gone"));
        }
        return repository.draft().orElseThrow();
    }

    /** Throws the draft away (to start from another template); the published versions stay as they are. */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public void discard(int expectedRevision) {
        PolicyDraft draft = repository.draft().orElseThrow(() -> InvalidInputException.of("draft", "policy.draft.gone"));
        if (!repository.deleteDraft(expectedRevision)) {
            throw new StaleDraftException(repository.draft().orElseThrow());
        }
        events.publishEvent(AuditedChange.of("policy.draft.discarded", "policy-draft", draft.templateId(), draft.templateId(),
                Map.of("revision", draft.revision()), Map.of()));
    }

    /**
     * The draft as it would read if published now, in {@code lang}: numbered as the next version and dated
     * today in the institution's time zone. Never throws for a bad value: it lists the problems.
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public Preview preview(String templateId, DraftContent content, Lang lang) {
        TenantSettings tenant = settings.current();
        String version = String.valueOf(repository.nextNumber());
        String date = LocalDate.now(tenant.timeZone()).toString();
        try {
            return new Preview(lang, Optional.of(templates.render(content.toValues(templateId, version, date, lang), lang).html()), List.of());
        } catch (PolicyValidationException refused) {
            return new Preview(lang, Optional.empty(), refused.problems());
        }
    }

    static DraftContent prefilled(PolicyTemplate template, TenantSettings tenant) {
        Map<String, Object> fromSettings = new LinkedHashMap<>();
        fromSettings.put("controller.name", tenant.displayName());
        fromSettings.put("controller.country", tenant.country());
        fromSettings.put("dpo.name", tenant.dpoName());
        fromSettings.put("dpo.email", tenant.dpoEmail());
        fromSettings.put("consent.age.override", tenant.consentAgeOverride() == null ? null : tenant.consentAgeOverride().toString());
        if (tenant.authorityName() != null && !tenant.authorityName().isBlank()) {
            fromSettings.put("authority.name", tenant.authorityName());
            fromSettings.put("authority.url", tenant.authorityUrl());
        }
        DraftContent content = DraftContent.empty();
        for (Map.Entry<String, Object> value : fromSettings.entrySet()) {
            // Only the variables this template has: a value it does not know would be refused.
            if (template.variable(value.getKey()).isPresent()) {
                content = content.withValue(value.getKey(), value.getValue());
            }
        }
        for (ClauseDefinition clause : template.clauses()) {
            content = content.withClause(clause.id(), clause.defaultOption());
        }
        return content;
    }

    private String known(String templateId) {
        try {
            templates.template(templateId);
            return templateId;
        } catch (PolicyValidationException unknown) {
            throw InvalidInputException.of("template", "policy.template.unknown");
        }
    }

    private Editor editor() {
        return Editor.of(caller, users);
    }
}
