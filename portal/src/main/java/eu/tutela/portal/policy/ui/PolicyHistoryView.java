package eu.tutela.portal.policy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import eu.tutela.policy.Lang;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.policy.PolicyVersions;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantTimes;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * Every published version (date, publisher, kind, content hash, its public page) and the comparison of
 * any two, section by section, for the people who publish them.
 */
@Route(value = "t/:tenant/policy/history", layout = MainLayout.class)
@PermitAll
public class PolicyHistoryView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final PolicyVersions versions;
    private final TenantSettingsService settings;
    private final Div comparison = new Div();
    private final Select<Integer> before = new Select<>();
    private final Select<Integer> after = new Select<>();
    private final Select<Lang> language = new Select<>();
    private String slug;

    PolicyHistoryView(PolicyVersions versions, TenantSettingsService settings) {
        this.versions = versions;
        this.settings = settings;
        comparison.setWidthFull();
    }

    @Override
    public String titleKey() {
        return "policy.history.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        comparison.removeAll();
        TenantSettings tenant = settings.current();
        slug = tenant.slug();
        TenantTimes times = new TenantTimes(tenant.timeZone(), getLocale());
        List<PolicyVersion> history = versions.history();
        H2 title = new H2(getTranslation("policy.history.title"));
        title.setId("policy-history-title");
        add(title);
        if (history.isEmpty()) {
            add(new Paragraph(getTranslation("policy.history.none")));
            return;
        }
        Grid<PolicyVersion> grid = new Grid<>();
        grid.setId("policy-history-grid");
        grid.setAriaLabel(getTranslation("policy.history.title"));
        grid.addColumn(PolicyVersion::number).setHeader(getTranslation("policy.history.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.effectiveDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())))
                .setHeader(getTranslation("policy.history.date")).setAutoWidth(true);
        grid.addColumn(v -> getTranslation("policy.history.publishedBy", v.publishedBy(), times.format(v.publishedAt()))).setHeader(getTranslation("policy.history.publisher")).setAutoWidth(true);
        grid.addComponentColumn(this::kind).setHeader(getTranslation("policy.history.kind")).setAutoWidth(true);
        grid.addComponentColumn(this::hashes).setHeader(getTranslation("policy.history.hash")).setAutoWidth(true);
        grid.addComponentColumn(this::links).setHeader(getTranslation("policy.history.read")).setAutoWidth(true).setFlexGrow(1);
        grid.setItems(history);
        grid.setAllRowsVisible(true);
        add(grid);
        if (history.size() > 1) {
            add(comparisonForm(history, tenant), comparison);
            compare();
        }
    }

    private Component comparisonForm(List<PolicyVersion> history, TenantSettings tenant) {
        List<Integer> numbers = history.stream().map(PolicyVersion::number).toList();
        before.setId("policy-compare-before");
        before.setLabel(getTranslation("policy.history.before"));
        before.setItems(numbers);
        before.setItemLabelGenerator(n -> getTranslation("policy.diff.version", n));
        before.setValue(numbers.get(1));
        after.setId("policy-compare-after");
        after.setLabel(getTranslation("policy.history.after"));
        after.setItems(numbers);
        after.setItemLabelGenerator(n -> getTranslation("policy.diff.version", n));
        after.setValue(numbers.getFirst());
        List<Lang> languages = tenant.languages().stream().map(Lang::of).toList();
        language.setId("policy-compare-language");
        language.setLabel(getTranslation("policy.history.language"));
        language.setItems(languages);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.code()));
        Lang own = PersonLanguage.of(getLocale());
        language.setValue(languages.contains(own) ? own : languages.getFirst());
        Button show = new Button(getTranslation("policy.history.compare"), e -> compare());
        show.setId("policy-compare");
        HorizontalLayout form = new HorizontalLayout(before, after, language, show);
        form.addClassName("page-actions");
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        Div box = new Div(new H3(getTranslation("policy.history.comparison")), form);
        box.setWidthFull();
        return box;
    }

    private void compare() {
        comparison.removeAll();
        try {
            comparison.add(new ComparisonPanel(versions.compare(before.getValue(), after.getValue(), language.getValue()),
                    before.getValue(), after.getValue()));
        } catch (InvalidInputException refused) {
            FieldErrors.notify(this, getTranslation("policy.version.notIn"));
        }
    }

    private Component kind(PolicyVersion version) {
        Span kind = new Span(getTranslation("policy.kind." + version.kind().name()));
        kind.addClassNames("status-badge", version.status() == PolicyVersion.Status.ACTIVE ? "status-active" : "status-archived");
        Div cell = new Div(kind);
        if (version.status() == PolicyVersion.Status.ACTIVE) {
            cell.add(new Span(" " + getTranslation("policy.history.active")));
        }
        if (version.overrideReason() != null) {
            Paragraph reason = new Paragraph(getTranslation("policy.history.overridden",
                    getTranslation("policy.kind." + version.proposedKind().name()), version.overrideReason()));
            reason.addClassName("override-reason");
            cell.add(reason);
        }
        return cell;
    }

    private Component hashes(PolicyVersion version) {
        Div cell = new Div();
        version.contentHashes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(hash -> {
            Span line = new Span(hash.getKey() + " " + hash.getValue().substring(0, 8) + "…");
            line.addClassName("content-hash");
            line.getElement().setAttribute("title", hash.getValue());
            cell.add(line);
        });
        return cell;
    }

    private Component links(PolicyVersion version) {
        Div cell = new Div();
        for (String code : version.languages()) {
            Anchor html = new Anchor("/p/" + slug + "/privacy/" + version.number() + "?lang=" + code,
                    getTranslation("policy.history.readIn", getTranslation("language." + code)));
            html.setTarget("_blank");
            Anchor pdf = new Anchor("/p/" + slug + "/privacy/" + version.number() + ".pdf?lang=" + code, "PDF (" + code + ")");
            pdf.setTarget("_blank");
            cell.add(html, new Span(" · "), pdf, new Span(" "));
        }
        return cell;
    }
}
