package eu.tutela.portal.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import eu.tutela.tenantadmin.lifecycle.TenantSummary;

/**
 * Asks the operator to type the institution's identifier before a grave action (suspending, deleting): the button
 * acts only when what was typed is the identifier itself, so no slip of the mouse deletes a school.
 */
class ConfirmBySlugDialog extends Dialog {

    final TextField typed = new TextField();
    final Paragraph problem = new Paragraph();
    final Button confirm = new Button();

    ConfirmBySlugDialog(TenantSummary tenant, String action, Runnable onConfirm) {
        setHeaderTitle(getTranslation("platform." + action + ".title", tenant.name()));
        Paragraph explanation = new Paragraph(getTranslation("platform." + action + ".explanation", tenant.name()));
        typed.setId("confirm-slug");
        typed.setLabel(getTranslation("platform.confirm.typeSlug", tenant.slug()));
        typed.setValueChangeMode(ValueChangeMode.EAGER);
        typed.setWidthFull();
        problem.setId("confirm-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("form-problem");
        confirm.setText(getTranslation("platform." + action));
        confirm.setId("confirm-action");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        typed.addValueChangeListener(e -> confirm.setEnabled(tenant.slug().equals(e.getValue().strip())));
        confirm.addClickListener(e -> onConfirm.run());
        Button cancel = new Button(getTranslation("platform.cancel"), e -> close());
        cancel.setId("confirm-cancel");
        add(explanation, typed, problem);
        getFooter().add(cancel, confirm);
        addOpenedChangeListener(e -> typed.focus());
    }

    void refuse(String message) {
        problem.setText(message);
    }
}
