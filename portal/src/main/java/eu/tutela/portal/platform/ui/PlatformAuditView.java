package eu.tutela.portal.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import eu.tutela.portal.platform.PlatformConsole;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.tenantadmin.lifecycle.PlatformAuditEntry;
import jakarta.annotation.security.RolesAllowed;
import java.util.OptionalLong;

/** The platform audit stream: every operator action on an institution, from the console or the command line. */
@Route(value = MainLayout.PLATFORM_ROUTE + "/audit", layout = MainLayout.class)
@RolesAllowed("PLATFORM_OPERATOR")
public class PlatformAuditView extends VerticalLayout implements PageTitle {

    static final int SHOWN = 500;

    PlatformAuditView(PlatformConsole console) {
        ConsoleTimes times = new ConsoleTimes(getLocale());
        H2 title = new H2(getTranslation("platformAudit.title"));
        title.setId("platform-audit-title");
        Paragraph verification = new Paragraph();
        verification.setId("platform-audit-verification");
        verification.getElement().setAttribute("role", "status");
        Button verify = new Button(getTranslation("platformAudit.verify"), e -> {
            OptionalLong broken = console.firstBrokenAuditEntry();
            verification.setText(broken.isEmpty() ? getTranslation("platformAudit.intact")
                    : getTranslation("platformAudit.broken", broken.getAsLong()));
        });
        verify.setId("platform-audit-verify");
        Grid<PlatformAuditEntry> grid = new Grid<>();
        grid.setId("platform-audit");
        grid.setAriaLabel(getTranslation("platformAudit.title"));
        grid.addColumn(PlatformAuditEntry::seq).setHeader("#").setAutoWidth(true);
        grid.addColumn(e -> times.format(e.occurredAt())).setHeader(getTranslation("platformAudit.when")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("platformAudit.action." + e.action())).setHeader(getTranslation("platformAudit.action"))
                .setAutoWidth(true);
        grid.addColumn(PlatformAuditEntry::slug).setHeader(getTranslation("platform.slug")).setAutoWidth(true);
        grid.addColumn(PlatformAuditEntry::actor).setHeader(getTranslation("platformAudit.actor")).setAutoWidth(true);
        grid.addColumn(PlatformAuditEntry::summary).setHeader(getTranslation("platformAudit.summary")).setFlexGrow(1);
        grid.setItems(console.auditTrail(SHOWN));
        add(title, new Paragraph(getTranslation("platformAudit.explanation", SHOWN)), verify, verification, grid);
        setSizeFull();
    }

    @Override
    public String titleKey() {
        return "platformAudit.title";
    }
}
