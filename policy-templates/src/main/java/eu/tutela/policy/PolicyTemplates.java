package eu.tutela.policy;

import eu.tutela.policy.catalogue.Catalogue;
import eu.tutela.policy.catalogue.PolicyTemplate;
import eu.tutela.policy.diff.PolicyComparison;
import eu.tutela.policy.diff.PolicyDiff;
import eu.tutela.policy.render.HtmlPolicyRenderer;
import eu.tutela.policy.render.PolicyRenderer;
import eu.tutela.policy.render.RenderedPolicy;
import eu.tutela.policy.variables.PolicyValues;
import eu.tutela.policy.variables.Problem;
import eu.tutela.policy.variables.ValuesValidator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The library's entry point: list the templates, describe one, validate a tenant's values, render
 * (the policy, and for a template that has one its version for pupils), give the processing purposes of
 * a tenant's clause choices, and compare two renderings.
 * Thread-safe; load it once ({@link #load()}) and share it.
 */
public final class PolicyTemplates {

    private final Catalogue catalogue;

    private PolicyTemplates(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public static PolicyTemplates load() {
        return new PolicyTemplates(Catalogue.load());
    }

    /** Template ids in catalogue order, with their names in the given language. */
    public List<TemplateDescription> list(Lang lang) {
        return catalogue.templates().stream().map(t -> describe(t, lang)).toList();
    }

    public TemplateDescription describe(String templateId, Lang lang) {
        return describe(template(templateId), lang);
    }

    public PolicyTemplate template(String templateId) {
        return catalogue.find(templateId).orElseThrow(() -> new PolicyValidationException(List.of(unknownTemplate(templateId))));
    }

    /** Every problem of the values for their template (named in {@code values.templateId()}); empty when renderable. */
    public List<Problem> validate(PolicyValues values) {
        return catalogue.find(values.templateId())
                .map(t -> ValuesValidator.validate(t, values))
                .orElseGet(() -> List.of(unknownTemplate(values.templateId())));
    }

    /** Validates, then renders; throws {@link PolicyValidationException} listing every problem. */
    public Rendering render(PolicyValues values, Lang lang) {
        requireValid(values);
        return rendering(PolicyRenderer.render(template(values.templateId()), values, lang));
    }

    /**
     * The plain-language version for pupils (GDPR Art. 12(1), Recital 58): the same values and clauses, the
     * same section ids as {@link #render}, its own title and text; without the tenant's free text, which is
     * written for adults. Empty when the template has no pupil text; invalid values throw as in {@link #render}.
     */
    public Optional<Rendering> renderForPupils(PolicyValues values, Lang lang) {
        requireValid(values);
        PolicyTemplate template = template(values.templateId());
        return template.hasPupilText() ? Optional.of(rendering(PolicyRenderer.renderForPupils(template, values, lang))) : Optional.empty();
    }

    /** Whether {@link #renderForPupils} gives anything for this template (in every language, or in none). */
    public boolean hasPupilText(String templateId) {
        return template(templateId).hasPupilText();
    }

    /**
     * The processing purposes of the policy these values render, in the template's order: those whose clause
     * ({@code when}) is on, each with its basis for the chosen alternative. Only the clause choices matter here,
     * so only they are validated (a draft with values still missing has purposes already); an unknown template,
     * clause or option throws {@link PolicyValidationException}.
     */
    public List<Purpose> purposes(PolicyValues values, Lang lang) {
        PolicyTemplate template = template(values.templateId());
        List<Problem> problems = ValuesValidator.validateClauses(template, values);
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        Map<String, String> choices = template.clauseChoices(values);
        return template.purposes().stream().filter(p -> p.existsFor(choices)).map(p -> p.in(lang, choices)).toList();
    }

    /** A section-aware comparison of two renderings, with a substantial/minor classification hint. */
    public PolicyComparison compare(Rendering before, Rendering after) {
        return PolicyDiff.compare(before.policy(), after.policy());
    }

    private void requireValid(PolicyValues values) {
        List<Problem> problems = validate(values);
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
    }

    private static Rendering rendering(RenderedPolicy policy) {
        String html = HtmlPolicyRenderer.toHtml(policy);
        return new Rendering(policy, html, sha256(html));
    }

    public static String sha256(String html) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private TemplateDescription describe(PolicyTemplate t, Lang lang) {
        List<TemplateDescription.Section> sections = t.sections().stream()
                .map(s -> new TemplateDescription.Section(s.id(), s.topic(), t.text(lang).sections().get(s.id()).title()))
                .toList();
        return new TemplateDescription(t.id(), t.name(lang), t.description(lang), t.variables(), t.clauses(), sections);
    }

    private Problem unknownTemplate(String id) {
        String known = String.join(", ", catalogue.templates().stream().map(PolicyTemplate::id).toList());
        return Problem.of(String.valueOf(id), Map.of(), "template.unknown", known);
    }
}
