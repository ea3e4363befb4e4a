package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import eu.tutela.portal.privacy.ErasureLine;
import eu.tutela.portal.privacy.ErasureOutcome;
import eu.tutela.portal.privacy.ProviderFailedException;
import eu.tutela.portal.rights.Erasures;
import eu.tutela.portal.rights.RequestStatus;
import eu.tutela.portal.rights.RequestType;
import eu.tutela.portal.rights.RightsRequest;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.List;

/**
 * An erasure request's fulfilment on its page: the preview, line by line (what goes, what is anonymised, what a legal
 * hold keeps and why), then the erasure after a confirmation.
 */
class ErasurePanel extends Composite<Div> {

    private final Erasures erasures;
    private final RightsRequest request;
    private final Runnable done;
    private final Div preview = new Div();

    ErasurePanel(Erasures erasures, RightsRequest request, Runnable done) {
        this.erasures = erasures;
        this.request = request;
        this.done = done;
        Div box = getContent();
        box.setId("request-erasure");
        box.addClassName("request-erasure");
        Button show = new Button(getTranslation("rights.erasure.preview"), e -> preview());
        show.setId("request-erasure-preview");
        box.add(new H3(getTranslation("rights.erasure.title")), new Paragraph(getTranslation("rights.erasure.intro")), show, preview);
    }

    private void preview() {
        preview.removeAll();
        List<ErasureLine> lines;
        try {
            lines = erasures.preview(request.id()).stream().filter(l -> l.records() > 0).toList();
        } catch (InvalidInputException refused) {
            refused.problems().values().stream().findFirst().ifPresent(key -> FieldErrors.notify(this, getTranslation(key)));
            return;
        }
        Grid<ErasureLine> grid = new Grid<>();
        grid.setId("request-erasure-lines");
        grid.addColumn(l -> getTranslation("privacy.category." + l.category() + ".name")).setHeader(getTranslation("rights.erasure.column.what"))
                .setFlexGrow(2);
        grid.addColumn(l -> getTranslation("privacy.erasure.outcome." + l.outcome().name()))
                .setHeader(getTranslation("rights.erasure.column.outcome"));
        grid.addColumn(ErasureLine::records).setHeader(getTranslation("rights.erasure.column.records"));
        grid.addColumn(l -> l.outcome() == ErasureOutcome.KEPT ? getTranslation(l.holdKey()) : "")
                .setHeader(getTranslation("rights.erasure.column.reason")).setFlexGrow(4);
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("erasure-lines");
        Button erase = new Button(getTranslation("rights.erasure.erase"), e -> confirm());
        erase.setId("request-erasure-erase");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        preview.add(grid, erase);
    }

    private void confirm() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("rights.erasure.confirm.title", request.subjectName()),
                getTranslation("rights.erasure.confirm.text"), getTranslation("rights.erasure.erase"), ok -> erase(),
                getTranslation("common.cancel"), cancel -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("request-erasure-confirm");
        confirm.open();
    }

    private void erase() {
        try {
            erasures.erase(request.id());
            FieldErrors.announce(this, getTranslation("rights.erasure.erased"));
            done.run();
        } catch (InvalidInputException refused) {
            refused.problems().values().stream().findFirst().ifPresent(key -> FieldErrors.notify(this, getTranslation(key)));
        } catch (ProviderFailedException failed) {
            FieldErrors.notify(this, getTranslation("rights.erasure.failed", failed.module()));
        }
    }

    /** Only an erasure whose work has begun (and identity is not in doubt) is previewed. */
    static boolean applies(RightsRequest request) {
        return request.type() == RequestType.ERASURE && !request.status().closed()
                && request.status() != RequestStatus.RECEIVED
                && request.status() != RequestStatus.IDENTITY_TO_VERIFY && request.subjectId() != null;
    }
}
