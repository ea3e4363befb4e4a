package eu.tutela.portal.policy;

import eu.tutela.policy.Lang;
import eu.tutela.policy.PolicyTemplates;
import eu.tutela.policy.PolicyValidationException;
import eu.tutela.policy.Rendering;
import eu.tutela.policy.catalogue.Topic;
import eu.tutela.policy.diff.ChangeClass;
import eu.tutela.policy.diff.PolicyComparison;
import eu.tutela.policy.variables.PolicyValues;
import eu.tutela.policy.variables.Problem;
import eu.tutela.portal.security.Caller;
import eu.tutela.portal.security.PortalUsers;
import eu.tutela.portal.tenancy.AuditedChange;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing the draft (administrators and DPO): every language the institution offers is rendered,
 * compared with the active version, and stored with its HTML, Markdown, PDF and content hash; the
 * active version is archived. The comparison proposes minor or substantial; the publisher confirms or
 * overrides it with a reason. People are told according to the policy's own "update notice" clause.
 */
@Service
public class PolicyPublication {

    private final PolicyRepository repository;
    private final PolicyTemplates templates;
    private final TenantSettingsService settings;
    private final Caller caller;
    private final PortalUsers users;
    private final PolicyChangeNotice notice;
    private final PolicyAcceptances acceptances;
    private final ApplicationEventPublisher events;

    PolicyPublication(PolicyRepository repository, PolicyTemplates templates, TenantSettingsService settings, Caller caller,
            PortalUsers users, PolicyChangeNotice notice, PolicyAcceptances acceptances, ApplicationEventPublisher events) {
        this.repository = repository;
        this.templates = templates;
        this.settings = settings;
        this.caller = caller;
        this.users = users;
        this.notice = notice;
        this.acceptances = acceptances;
        this.events = events;
    }

    /**
     * What publishing the draft now would do.
     *
     * @throws InvalidInputException on {@code draft} when there is no draft
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional(readOnly = true)
    public PublicationProposal propose() {
        PolicyDraft draft = repository.draft().orElseThrow(() -> InvalidInputException.of("draft", "policy.draft.gone"));
        return proposal(draft, settings.current());
    }

    /**
     * Publishes the draft as the next version and makes it the active one.
     *
     * @param expectedRevision the draft's revision the publisher reviewed
     * @param kind what the publisher decided; when it differs from the proposal, {@code reason} says why
     * @throws StaleDraftException when the draft changed since the publisher reviewed it
     * @throws InvalidInputException on {@code draft} (gone, cannot be rendered, nothing changed) or
     *         {@code reason} (an override without one, or a first version declared as anything else)
     */
    @PreAuthorize("@caller.has('ADMIN', 'DPO')")
    @Transactional
    public PolicyVersion publish(int expectedRevision, VersionKind kind, String reason) {
        PolicyDraft draft = repository.draftForUpdate().orElseThrow(() -> InvalidInputException.of("draft", "policy.draft.gone"));
        if (draft.revision() != expectedRevision) {
            throw new StaleDraftException(draft);
        }
        TenantSettings tenant = settings.current();
        PublicationProposal proposal = proposal(draft, tenant);
        if (proposal.problems().values().stream().anyMatch(p -> !p.isEmpty())) {
            throw InvalidInputException.of("draft", "policy.publish.problems");
        }
        VersionKind proposed = proposal.proposedKind().orElseThrow(() -> InvalidInputException.of("draft", "policy.publish.unchanged"));
        VersionKind chosen = kind == null ? proposed : kind;
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if ((proposed == VersionKind.FIRST) != (chosen == VersionKind.FIRST)) {
            throw InvalidInputException.of("reason", proposed == VersionKind.FIRST ? "policy.publish.firstIsFirst" : "policy.publish.notFirst");
        }
        if (chosen != proposed && why == null) {
            throw InvalidInputException.of("reason", "policy.publish.reasonNeeded");
        }
        if (why != null && why.length() > 2000) {
            throw InvalidInputException.of("reason", "policy.publish.reasonTooLong");
        }

        Editor publisher = Editor.of(caller, users);
        int number = proposal.number();
        LocalDate date = LocalDate.now(tenant.timeZone());
        Optional<PolicyVersion> previous = repository.active();
        previous.ifPresent(active -> repository.archive(active.number()));
        repository.insertVersion(number, draft.templateId(), draft.content(), chosen, proposed, chosen == proposed ? null : why,
                proposal.topics(), date, publisher.id(), publisher.name());
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Lang lang : languages(tenant)) {
            PolicyValues values = draft.content().toValues(draft.templateId(), String.valueOf(number), date.toString(), lang);
            Rendering rendering = templates.render(values, lang);
            repository.insertRendering(number, lang, TextShown.FULL, rendering, rendering.pdf());
            hashes.put(lang.code(), rendering.contentHash());
            // A school template also speaks to its pupils: their text is published with the version, in each language.
            templates.renderForPupils(values, lang)
                    .ifPresent(pupils -> repository.insertRendering(number, lang, TextShown.PUPIL, pupils, pupils.pdf()));
        }
        repository.deleteDraft(draft.revision());
        if (chosen.requiresAcceptance()) {
            acceptances.acceptedByPublishing(publisher.id(), number, languages(tenant).getFirst());
        }

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", number);
        after.put("kind", chosen.name());
        after.put("proposedKind", proposed.name());
        if (chosen != proposed) {
            after.put("reason", why);
        }
        after.put("topics", String.join(",", proposal.topics()));
        after.put("contentHashes", hashes);
        events.publishEvent(AuditedChange.of("policy.published", "policy-version", number, "v" + number,
                previous.<Map<String, Object>>map(p -> Map.of("active", p.number())).orElse(Map.of()), after));
        events.publishEvent(new PolicyPublished(tenant.tenantId(), number, chosen));
        PolicyVersion published = repository.version(number).orElseThrow();
        if (chosen.requiresAcceptance() && !"banner-only".equals(draft.content().clauses().get("update-notice"))) {
            notice.mailEveryMember(tenant, published);
        }
        return published;
    }

    private PublicationProposal proposal(PolicyDraft draft, TenantSettings tenant) {
        int number = repository.nextNumber();
        String date = LocalDate.now(tenant.timeZone()).toString();
        Optional<PolicyVersion> active = repository.active();
        Map<Lang, List<Problem>> problems = new EnumMap<>(Lang.class);
        Map<Lang, PolicyComparison> comparisons = new EnumMap<>(Lang.class);
        ChangeClass overall = ChangeClass.NONE;
        TreeSet<String> topics = new TreeSet<>();
        for (Lang lang : languages(tenant)) {
            Rendering rendering;
            try {
                rendering = templates.render(draft.content().toValues(draft.templateId(), String.valueOf(number), date, lang), lang);
                problems.put(lang, List.of());
            } catch (PolicyValidationException refused) {
                problems.put(lang, refused.problems());
                continue;
            }
            Optional<Rendering> before = active.flatMap(a -> repository.rendering(a.number(), lang));
            if (active.isPresent() && before.isEmpty()) {
                overall = ChangeClass.SUBSTANTIAL; // a language the active version was not published in
                continue;
            }
            if (before.isPresent()) {
                PolicyComparison comparison = templates.compare(before.get(), rendering);
                comparisons.put(lang, comparison);
                overall = overall.compareTo(comparison.classification()) >= 0 ? overall : comparison.classification();
                comparison.substantialTopics().stream().map(Topic::name).map(t -> t.toLowerCase(Locale.ROOT)).forEach(topics::add);
            }
        }
        Optional<VersionKind> kind;
        if (active.isEmpty()) {
            kind = Optional.of(VersionKind.FIRST);
        } else if (overall == ChangeClass.NONE && !active.get().templateId().equals(draft.templateId())) {
            kind = Optional.of(VersionKind.SUBSTANTIAL);
        } else {
            kind = switch (overall) {
                case NONE -> Optional.empty();
                case MINOR -> Optional.of(VersionKind.MINOR);
                case SUBSTANTIAL -> Optional.of(VersionKind.SUBSTANTIAL);
            };
        }
        return new PublicationProposal(number, kind, List.copyOf(topics), comparisons, problems, draft.revision());
    }

    private static List<Lang> languages(TenantSettings tenant) {
        return tenant.languages().stream().map(Lang::of).toList();
    }
}
