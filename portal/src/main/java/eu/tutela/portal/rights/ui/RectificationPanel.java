package eu.tutela.portal.rights.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import eu.tutela.portal.rights.CorrectionLine;
import eu.tutela.portal.rights.Rectifications;
import eu.tutela.portal.rights.RequestStatus;
import eu.tutela.portal.rights.RequestType;
import eu.tutela.portal.rights.RightsRequest;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.tenancy.InvalidInputException;
import java.util.List;

/** A rectification's fulfilment on its page: field by field, the registry's value and the one asked for; then applied. */
class RectificationPanel extends Composite<Div> {

    RectificationPanel(Rectifications rectifications, RightsRequest request, Runnable done) {
        Div box = getContent();
        box.setId("request-rectification");
        box.add(new H3(getTranslation("rights.rectification.title")));
        List<CorrectionLine> lines = rectifications.asked(request.id());
        if (lines.isEmpty()) {
            box.add(new Paragraph(getTranslation("rights.rectification.inWords")));
            return;
        }
        Grid<CorrectionLine> grid = new Grid<>();
        grid.setId("request-rectification-lines");
        grid.addColumn(l -> getTranslation("rights.rectification.field." + l.field())).setHeader(getTranslation("rights.rectification.column.field"));
        grid.addColumn(CorrectionLine::now).setHeader(getTranslation("rights.rectification.column.now"));
        grid.addColumn(CorrectionLine::proposed).setHeader(getTranslation("rights.rectification.column.proposed"));
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        Button apply = new Button(getTranslation("rights.rectification.apply"), e -> {
            try {
                rectifications.apply(request.id());
                FieldErrors.announce(this, getTranslation("rights.rectification.applied"));
                done.run();
            } catch (InvalidInputException refused) {
                refused.problems().values().forEach(key -> FieldErrors.notify(this, getTranslation(key)));
            }
        });
        apply.setId("request-rectification-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(new Paragraph(getTranslation("rights.rectification.intro")), grid, apply);
    }

    static boolean applies(RightsRequest request) {
        return request.type() == RequestType.RECTIFICATION && !request.status().closed()
                && request.status() != RequestStatus.IDENTITY_TO_VERIFY && request.subjectId() != null;
    }
}
