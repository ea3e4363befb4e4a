package eu.tutela.portal.policy.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import eu.tutela.policy.Lang;
import eu.tutela.portal.policy.AcceptanceChannel;
import eu.tutela.portal.policy.PendingVersion;
import eu.tutela.portal.policy.PolicyAcceptances;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.policy.PolicyVersions;
import eu.tutela.portal.policy.PublishedText;
import eu.tutela.portal.policy.TextShown;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantDashboardView;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * The institution's privacy policy as a member reads it. When a version asks for their agreement, every
 * page of the institution leads here first: what changed since the version they accepted, the text (for
 * a pupil, the text written for them first, the full one a click away), and accept, or decline where
 * their role may.
 */
@Route(value = "t/:tenant/policy/accept", layout = MainLayout.class)
@PermitAll
public class PolicyAcceptanceView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final PolicyAcceptances acceptances;
    private final PolicyVersions versions;
    private final TenantSettingsService settings;
    private final Div text = new Div();
    private final Select<Lang> language = new Select<>();
    private final Button switchText = new Button();
    private TextShown shown = TextShown.FULL;
    private PolicyVersion version;
    private AcceptanceChannel channel;
    private String slug;

    PolicyAcceptanceView(PolicyAcceptances acceptances, PolicyVersions versions, TenantSettingsService settings) {
        this.acceptances = acceptances;
        this.versions = versions;
        this.settings = settings;
        text.setId("policy-text");
        text.addClassName("policy-text");
        language.setId("policy-text-language");
        language.addValueChangeListener(e -> showText());
        switchText.setId("policy-switch-text");
        switchText.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        switchText.addClickListener(e -> {
            shown = shown == TextShown.PUPIL ? TextShown.FULL : TextShown.PUPIL;
            showText();
        });
    }

    @Override
    public String titleKey() {
        return "policy.accept.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        TenantSettings tenant = settings.current();
        slug = tenant.slug();
        channel = event.getLocation().getQueryParameters().getSingleParameter("via").filter("mail"::equals).isPresent()
                ? AcceptanceChannel.EMAIL_LINK : AcceptanceChannel.SIGN_IN;
        render(tenant);
    }

    private void render(TenantSettings tenant) {
        removeAll();
        H2 title = new H2(getTranslation("policy.accept.title"));
        title.setId("policy-accept-title");
        add(title);
        Optional<PendingVersion> pending = acceptances.pending();
        Optional<PolicyVersion> active = pending.map(PendingVersion::version).or(versions::active);
        if (active.isEmpty()) {
            add(new Paragraph(getTranslation("policy.accept.none")));
            return;
        }
        version = active.get();
        List<Lang> languages = version.languages().stream().map(Lang::of).toList();
        Lang own = PersonLanguage.of(getLocale());
        language.setLabel(getTranslation("policy.history.language"));
        language.setItems(languages);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.code()));
        shown = pending.map(PendingVersion::pupilTextFirst).orElse(false) ? TextShown.PUPIL : TextShown.FULL;
        String date = version.effectiveDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()));
        Paragraph intro = new Paragraph();
        intro.setId("policy-accept-intro");
        add(intro);
        pending.ifPresentOrElse(p -> {
            // A pupil is spoken to as the text written for pupils speaks to them.
            String key = (p.lastAccepted().isPresent() ? "policy.accept.changed" : "policy.accept.first") + (p.pupilTextFirst() ? ".pupil" : "");
            intro.setText(getTranslation(key, tenant.displayName(), version.number(), date));
            p.lastAccepted().filter(before -> before < version.number()).ifPresent(before -> changes(before, own, languages));
        }, () -> intro.setText(acceptances.lastAccepted()
                .map(n -> getTranslation("policy.accept.done", version.number(), date, n))
                .orElse(getTranslation("policy.accept.current", version.number(), date))));
        HorizontalLayout textBar = new HorizontalLayout(language, switchText);
        textBar.addClassName("page-actions");
        textBar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        Anchor pdf = new Anchor("/p/" + slug + "/privacy/" + version.number() + ".pdf", getTranslation("public.policy.pdf"));
        pdf.setTarget("_blank");
        add(textBar, text, pdf);
        language.setValue(languages.contains(own) ? own : languages.getFirst());
        pending.ifPresent(this::decisionButtons);
    }

    private void changes(int before, Lang own, List<Lang> languages) {
        Lang lang = languages.contains(own) ? own : languages.getFirst();
        try {
            Details changes = new Details(getTranslation("policy.accept.whatChanged", before),
                    new ComparisonPanel(versions.compare(before, version.number(), lang), before, version.number()));
            changes.setId("policy-accept-changes");
            changes.setOpened(true);
            add(new H3(getTranslation("policy.accept.changesTitle")), changes);
        } catch (InvalidInputException notInThatLanguage) {
            // The accepted version was not published in this language: the text below is all there is to read.
        }
    }

    private void showText() {
        Lang lang = language.getValue();
        if (lang == null || version == null) {
            return;
        }
        Optional<PublishedText> pupils = versions.text(version.number(), lang, TextShown.PUPIL);
        if (pupils.isEmpty()) {
            shown = TextShown.FULL;
        }
        switchText.setVisible(pupils.isPresent());
        switchText.setText(getTranslation(shown == TextShown.PUPIL ? "policy.accept.readFull" : "policy.accept.readPupil"));
        Optional<PublishedText> published = shown == TextShown.PUPIL ? pupils : versions.text(version.number(), lang);
        published.ifPresent(p -> PolicyHtml.show(text, p.html()));
    }

    private void decisionButtons(PendingVersion pending) {
        Button accept = new Button(getTranslation(pending.pupilTextFirst() ? "policy.accept.accept.pupil" : "policy.accept.accept"),
                e -> decide(true));
        accept.setId("policy-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(accept);
        buttons.addClassName("page-actions");
        if (pending.mayDecline()) {
            Button decline = new Button(getTranslation("policy.accept.decline"), e -> decide(false));
            decline.setId("policy-decline");
            buttons.add(decline);
        }
        Paragraph note = new Paragraph(getTranslation((pending.mayDecline() ? "policy.accept.noteOptional" : "policy.accept.noteRequired")
                + (pending.pupilTextFirst() ? ".pupil" : "")));
        note.setId("policy-accept-note");
        add(note, buttons);
    }

    private void decide(boolean accepted) {
        try {
            if (accepted) {
                acceptances.accept(version.number(), language.getValue(), shown, channel);
            } else {
                acceptances.decline(version.number(), language.getValue(), shown, channel);
            }
        } catch (InvalidInputException refused) {
            // A newer version was published meanwhile, or the rule changed: show what holds now.
            render(settings.current());
            FieldErrors.notify(this, getTranslation(refused.problems().values().iterator().next()));
            return;
        }
        FieldErrors.announce(this, getTranslation(accepted ? "policy.accept.thanks" : "policy.accept.declined", version.number()));
        UI.getCurrent().navigate(TenantDashboardView.class, new RouteParameters("tenant", slug));
    }
}
