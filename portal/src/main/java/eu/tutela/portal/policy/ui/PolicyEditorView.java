package eu.tutela.portal.policy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import eu.tutela.policy.Lang;
import eu.tutela.policy.TemplateDescription;
import eu.tutela.policy.variables.Problem;
import eu.tutela.portal.policy.DraftContent;
import eu.tutela.portal.policy.PolicyDraft;
import eu.tutela.portal.policy.PolicyDrafts;
import eu.tutela.portal.policy.PolicyPublication;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.policy.PolicyVersions;
import eu.tutela.portal.policy.Preview;
import eu.tutela.portal.policy.StaleDraftException;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The editor of the institution's policy (administrators and DPO): a template to start from, then the
 * draft's form beside its live preview. Every pause in typing saves the draft (it survives a closed tab)
 * and renders it again in each language; a colleague's newer save is loaded and announced, never overwritten.
 */
@Route(value = "t/:tenant/policy", layout = MainLayout.class)
@PermitAll
public class PolicyEditorView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final PolicyDrafts drafts;
    private final PolicyPublication publication;
    private final PolicyVersions versions;
    private final TenantSettingsService settings;
    private final Span status = new Span();
    private final Div preview = new Div();
    private final UnorderedList previewProblems = new UnorderedList();
    private final Paragraph previewNotice = new Paragraph();
    private final RadioButtonGroup<Lang> previewLanguage = new RadioButtonGroup<>();
    private final Map<Lang, Preview> previews = new EnumMap<>(Lang.class);
    private List<Lang> languages;
    private Lang lang;
    private TenantTimes times;
    private PolicyDraft draft;
    private DraftForm form;

    PolicyEditorView(PolicyDrafts drafts, PolicyPublication publication, PolicyVersions versions, TenantSettingsService settings) {
        this.drafts = drafts;
        this.publication = publication;
        this.versions = versions;
        this.settings = settings;
        addClassName("policy-editor");
        status.setId("policy-draft-status");
        status.getElement().setAttribute("aria-live", "polite");
        preview.setId("policy-preview");
        preview.addClassName("policy-text");
        previewProblems.setId("policy-preview-problems");
        previewProblems.addClassName("form-problem");
        previewNotice.setId("policy-preview-notice");
        previewLanguage.setId("policy-preview-language");
        previewLanguage.addValueChangeListener(e -> showPreview());
    }

    @Override
    public String titleKey() {
        return "policy.editor.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        TenantSettings tenant = settings.current();
        languages = tenant.languages().stream().map(Lang::of).toList();
        lang = PersonLanguage.of(getLocale());
        times = new TenantTimes(tenant.timeZone(), getLocale());
        drafts.current().ifPresentOrElse(this::edit, this::chooseTemplate);
    }

    private void chooseTemplate() {
        removeAll();
        draft = null;
        H2 title = new H2(getTranslation("policy.editor.title"));
        title.setId("policy-editor-title");
        add(title);
        Optional<PolicyVersion> active = versions.active();
        add(new Paragraph(active.map(v -> getTranslation("policy.editor.activeIs", v.number(), times.format(v.publishedAt()), v.publishedBy()))
                .orElse(getTranslation("policy.editor.noneYet"))));

        RadioButtonGroup<TemplateDescription> templates = new RadioButtonGroup<>(getTranslation("policy.editor.template"));
        templates.setId("policy-template");
        List<TemplateDescription> catalogue = drafts.templates(lang);
        templates.setItems(catalogue);
        templates.setItemLabelGenerator(t -> t.name() + " — " + t.description());
        active.flatMap(v -> catalogue.stream().filter(t -> t.id().equals(v.templateId())).findFirst()).ifPresent(templates::setValue);
        if (active.isPresent()) {
            templates.setHelperText(getTranslation("policy.editor.sameTemplateHelp"));
        }
        Button start = new Button(getTranslation(active.isPresent() ? "policy.editor.startNext" : "policy.editor.start"), e -> {
            if (templates.getValue() == null) {
                templates.setErrorMessage(getTranslation("policy.editor.chooseTemplate"));
                templates.setInvalid(true);
                return;
            }
            try {
                edit(drafts.start(templates.getValue().id()));
            } catch (StaleDraftException colleague) {
                edit(colleague.current());
            }
        });
        start.setId("policy-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(templates, start);
    }

    private void edit(PolicyDraft current) {
        removeAll();
        draft = current;
        TemplateDescription template = drafts.describe(current.templateId(), lang);
        H2 title = new H2(getTranslation("policy.editor.title"));
        title.setId("policy-editor-title");
        Paragraph about = new Paragraph(getTranslation("policy.editor.draftOf", template.name()));

        form = new DraftForm(template, languages, lang, current.content(), this::changed);
        previewLanguage.setLabel(getTranslation("policy.editor.previewIn"));
        previewLanguage.setItems(languages);
        previewLanguage.setItemLabelGenerator(l -> getTranslation("language." + l.code()));
        previewLanguage.setValue(languages.contains(lang) ? lang : languages.getFirst());
        H3 previewTitle = new H3(getTranslation("policy.editor.preview"));
        Div previewPane = new Div(previewTitle, previewLanguage, previewProblems, previewNotice, preview);
        previewPane.addClassName("policy-preview-pane");
        previewPane.getElement().setAttribute("role", "region");
        previewPane.getElement().setAttribute("aria-label", getTranslation("policy.editor.preview"));
        Div columns = new Div(form, previewPane);
        columns.addClassName("policy-editor-columns");

        Button publish = new Button(getTranslation("policy.editor.publish"), e -> new PublishDialog(publication, lang, this::published).open());
        publish.setId("policy-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button discard = new Button(getTranslation("policy.editor.discard"), e -> discard());
        discard.setId("policy-discard");
        discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(publish, discard, status);
        actions.addClassName("page-actions");
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        add(title, about, actions, columns);
        showStatus();
        render(current.content());
    }

    private void changed(DraftContent content) {
        try {
            draft = drafts.save(content, draft.revision());
            showStatus();
        } catch (StaleDraftException colleague) {
            showColleagues(colleague.current());
            return;
        } catch (InvalidInputException gone) {
            FieldErrors.notify(this, getTranslation("policy.draft.gone"));
            chooseTemplate();
            return;
        }
        render(content);
    }

    private void render(DraftContent content) {
        previews.clear();
        for (Lang language : languages) {
            previews.put(language, drafts.preview(draft.templateId(), content, language));
        }
        Map<Lang, List<Problem>> problems = new EnumMap<>(Lang.class);
        previews.forEach((language, p) -> problems.put(language, p.problems()));
        List<String> elsewhere = form.show(problems);
        previewProblems.removeAll();
        elsewhere.forEach(message -> previewProblems.add(new ListItem(message)));
        showPreview();
    }

    private void showPreview() {
        Preview shown = previewLanguage.getValue() == null ? null : previews.get(previewLanguage.getValue());
        if (shown == null) {
            return;
        }
        previewNotice.setVisible(shown.html().isEmpty());
        previewNotice.setText(getTranslation("policy.editor.fixFirst", shown.problems().size()));
        preview.getElement().setProperty("innerHTML", "");
        shown.html().ifPresent(html -> PolicyHtml.show(preview, html));
    }

    private void showStatus() {
        status.setText(getTranslation("policy.editor.saved", draft.revision(), draft.updatedBy(), times.format(draft.updatedAt())));
    }

    private void discard() {
        try {
            drafts.discard(draft.revision());
        } catch (StaleDraftException colleague) {
            showColleagues(colleague.current());
            return;
        } catch (InvalidInputException gone) {
            // Published or discarded by a colleague meanwhile: what the person wanted is done.
        }
        chooseTemplate();
    }

    /** A colleague saved meanwhile: their draft is shown, and the person is told their last change was not kept. */
    private void showColleagues(PolicyDraft theirs) {
        edit(theirs);
        FieldErrors.notify(this, getTranslation("policy.editor.stale", theirs.updatedBy(), times.format(theirs.updatedAt())));
    }

    private void published(PolicyVersion version) {
        chooseTemplate();
        FieldErrors.announce(this, getTranslation("policy.editor.published", version.number()));
    }
}
