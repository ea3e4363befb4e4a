package eu.tutela.portal.policy;

import eu.tutela.policy.Lang;
import eu.tutela.policy.PolicyTemplates;
import eu.tutela.policy.Purpose;
import eu.tutela.policy.Rendering;
import eu.tutela.policy.diff.PolicyComparison;
import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published versions of the tenant of the current work: its history, each text as published, and
 * the comparison of any two, for its members (what anyone may read on the public page, a member reads here).
 */
@Service
public class PolicyVersions {

    private final PolicyRepository repository;
    private final PolicyTemplates templates;

    PolicyVersions(PolicyRepository repository, PolicyTemplates templates) {
        this.repository = repository;
        this.templates = templates;
    }

    /** Every version, newest first. */
    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public List<PolicyVersion> history() {
        return repository.versions();
    }

    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public Optional<PolicyVersion> active() {
        return repository.active();
    }

    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public Optional<PolicyVersion> version(int number) {
        return repository.version(number);
    }

    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public Optional<PublishedText> text(int number, Lang lang) {
        return repository.text(number, lang.code());
    }

    /** The text for pupils, when the version's template has one. */
    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public Optional<PublishedText> text(int number, Lang lang, TextShown shown) {
        return repository.text(number, lang.code(), shown);
    }

    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public Optional<byte[]> pdf(int number, Lang lang) {
        return repository.pdf(number, lang.code());
    }

    /**
     * The processing purposes a version states (its template's, for the clauses chosen), in the template's order.
     *
     * @throws InvalidInputException on {@code version} when it was not published
     */
    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public List<StatedPurpose> purposes(int number) {
        PolicyVersion version = repository.version(number).orElseThrow(() -> InvalidInputException.of("version", "policy.version.unknown"));
        DraftContent content = repository.content(number).orElseThrow();
        String date = version.effectiveDate().toString();
        List<Purpose> fr = templates.purposes(content.toValues(version.templateId(), String.valueOf(number), date, Lang.FR), Lang.FR);
        Map<String, Purpose> en = templates.purposes(content.toValues(version.templateId(), String.valueOf(number), date, Lang.EN), Lang.EN)
                .stream().collect(Collectors.toMap(Purpose::id, p -> p));
        return fr.stream().map(p -> new StatedPurpose(p.id(), p.name(), en.get(p.id()).name(), p.description(),
                en.get(p.id()).description(), p.basis(), p.sectionId())).toList();
    }

    /**
     * Two versions compared section by section, as published in {@code lang}.
     *
     * @throws InvalidInputException on {@code version} when either was not published (in that language)
     */
    @PreAuthorize("@caller.isSystemWorkOrMember()")
    @Transactional(readOnly = true)
    public PolicyComparison compare(int before, int after, Lang lang) {
        Rendering older = repository.rendering(before, lang).orElseThrow(() -> InvalidInputException.of("version", "policy.version.unknown"));
        Rendering newer = repository.rendering(after, lang).orElseThrow(() -> InvalidInputException.of("version", "policy.version.unknown"));
        return templates.compare(older, newer);
    }
}
