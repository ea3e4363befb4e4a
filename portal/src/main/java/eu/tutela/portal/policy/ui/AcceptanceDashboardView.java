package eu.tutela.portal.policy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.tutela.portal.policy.AcceptanceCounts;
import eu.tutela.portal.policy.PolicyAcceptances;
import eu.tutela.portal.policy.PolicyVersion;
import eu.tutela.portal.policy.PolicyVersions;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.tenancy.TenantContext;
import eu.tutela.portal.tenancy.TenantRole;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Where a version stands, for administrators and DPO: per role, who accepted it (or a later one), who
 * declined, who has not decided; a reminder by e-mail to the latter; every decision as CSV; and which
 * roles may decline a new version.
 */
@Route(value = "t/:tenant/policy/acceptance", layout = MainLayout.class)
@PermitAll
public class AcceptanceDashboardView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final PolicyAcceptances acceptances;
    private final PolicyVersions versions;
    private final TenantSettingsService settings;
    private final Select<Integer> version = new Select<>();
    private final Grid<AcceptanceCounts> grid = new Grid<>();
    private final Paragraph totals = new Paragraph();

    AcceptanceDashboardView(PolicyAcceptances acceptances, PolicyVersions versions, TenantSettingsService settings) {
        this.acceptances = acceptances;
        this.versions = versions;
        this.settings = settings;
    }

    @Override
    public String titleKey() {
        return "policy.acceptance.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        TenantSettings tenant = settings.current();
        H2 title = new H2(getTranslation("policy.acceptance.title"));
        title.setId("acceptance-title");
        add(title);
        List<PolicyVersion> history = versions.history().stream().filter(v -> v.kind().requiresAcceptance()).toList();
        if (history.isEmpty()) {
            add(new Paragraph(getTranslation("policy.acceptance.none")));
            add(declineRules());
            return;
        }
        version.setId("acceptance-version");
        version.setLabel(getTranslation("policy.acceptance.version"));
        version.setItems(history.stream().map(PolicyVersion::number).toList());
        version.setItemLabelGenerator(n -> getTranslation("policy.diff.version", n));
        version.setValue(history.getFirst().number());
        version.addValueChangeListener(e -> refresh());

        grid.setId("acceptance-grid");
        grid.setAriaLabel(getTranslation("policy.acceptance.title"));
        grid.removeAllColumns();
        grid.addColumn(c -> getTranslation("role." + c.role().name())).setHeader(getTranslation("members.role")).setAutoWidth(true);
        grid.addColumn(AcceptanceCounts::accepted).setHeader(getTranslation("policy.acceptance.accepted"));
        grid.addColumn(AcceptanceCounts::declined).setHeader(getTranslation("policy.acceptance.declined"));
        grid.addColumn(AcceptanceCounts::pending).setHeader(getTranslation("policy.acceptance.pending"));
        grid.setAllRowsVisible(true);
        totals.setId("acceptance-totals");

        Button remind = new Button(getTranslation("policy.acceptance.remind"), e -> {
            int reminded = acceptances.remind(version.getValue());
            FieldErrors.announce(this, getTranslation("policy.acceptance.reminded", reminded));
        });
        remind.setId("acceptance-remind");
        UUID tenantId = tenant.tenantId();
        ZoneId zone = tenant.timeZone();
        Anchor export = new Anchor(DownloadHandler.fromInputStream(download -> {
            int number = version.getValue();
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            TenantContext.runAs(tenantId, () -> acceptances.exportCsv(number, zone, csv));
            byte[] bytes = csv.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes),
                    "acceptances-" + tenant.slug() + "-v" + number + "-" + LocalDate.now(zone) + ".csv", "text/csv;charset=UTF-8", bytes.length);
        }), getTranslation("policy.acceptance.export"));
        export.setId("acceptance-export");
        HorizontalLayout actions = new HorizontalLayout(remind, export);
        actions.addClassName("page-actions");
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(version, grid, totals, actions, declineRules());
        refresh();
    }

    private void refresh() {
        List<AcceptanceCounts> counts = acceptances.dashboard(version.getValue());
        grid.setItems(counts);
        int accepted = counts.stream().mapToInt(AcceptanceCounts::accepted).sum();
        int declined = counts.stream().mapToInt(AcceptanceCounts::declined).sum();
        int pending = counts.stream().mapToInt(AcceptanceCounts::pending).sum();
        totals.setText(getTranslation("policy.acceptance.totals", accepted, declined, pending));
    }

    private VerticalLayout declineRules() {
        CheckboxGroup<TenantRole> roles = new CheckboxGroup<>(getTranslation("policy.acceptance.declineRoles"));
        roles.setId("acceptance-decline-roles");
        roles.setItems(TenantRole.ADMIN, TenantRole.DPO, TenantRole.STAFF, TenantRole.GUARDIAN, TenantRole.STUDENT);
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.setValue(acceptances.declineAllowedRoles());
        roles.setHelperText(getTranslation("policy.acceptance.declineRolesHelp"));
        Button save = new Button(getTranslation("policy.acceptance.saveRules"), e -> {
            acceptances.allowDecline(roles.getValue());
            FieldErrors.announce(this, getTranslation("policy.acceptance.rulesSaved"));
        });
        save.setId("acceptance-decline-save");
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("policy.acceptance.rules")), roles, save);
        box.setPadding(false);
        return box;
    }
}
