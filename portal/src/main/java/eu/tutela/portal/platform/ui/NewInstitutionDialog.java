package eu.tutela.portal.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import eu.tutela.policy.variables.Countries;
import eu.tutela.portal.platform.PlatformConsole;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.tenancy.CountryTimeZone;
import eu.tutela.tenantadmin.lifecycle.LifecycleException;
import eu.tutela.tenantadmin.lifecycle.Provisioned;
import eu.tutela.tenantadmin.lifecycle.TenantSpec;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * "New institution": what the tenant is made from, checked field by field in the operator's language. A creation
 * that Keycloak or the database interrupted is finished by submitting the same form again.
 */
class NewInstitutionDialog extends Dialog {

    private final TextField name = new TextField();
    private final TextField slug = new TextField();
    private final ComboBox<String> country = new ComboBox<>();
    private final CheckboxGroup<String> languages = new CheckboxGroup<>();
    private final ComboBox<String> timeZone = new ComboBox<>();
    private final EmailField dpoEmail = new EmailField();
    private final EmailField adminEmail = new EmailField();
    private final Paragraph problem = new Paragraph();
    private final FieldErrors errors = new FieldErrors(this);
    private boolean slugTouched;

    NewInstitutionDialog(PlatformConsole console, Consumer<Provisioned> created) {
        setHeaderTitle(getTranslation("platform.new.title"));
        Locale locale = getLocale();
        name.setId("new-name");
        name.setLabel(getTranslation("platform.name"));
        name.setRequiredIndicatorVisible(true);
        // While the name is typed, the identifier follows it (until the operator edits the identifier).
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(e -> {
            if (!slugTouched) {
                slug.setValue(suggestSlug(e.getValue()));
            }
        });
        slug.setId("new-slug");
        slug.setLabel(getTranslation("platform.slug"));
        slug.setHelperText(getTranslation("platform.new.slugHelp"));
        slug.setRequiredIndicatorVisible(true);
        slug.addValueChangeListener(e -> slugTouched |= e.isFromClient());
        country.setId("new-country");
        country.setLabel(getTranslation("platform.country"));
        country.setRequiredIndicatorVisible(true);
        country.setItems(Countries.eea().stream().sorted().toList());
        country.setItemLabelGenerator(code -> Locale.of("", code).getDisplayCountry(locale));
        country.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                timeZone.setValue(CountryTimeZone.of(e.getValue()).getId());
            }
        });
        languages.setId("new-languages");
        languages.setLabel(getTranslation("platform.languages"));
        languages.setItems("fr", "en");
        languages.setItemLabelGenerator(code -> getTranslation("language." + code));
        languages.setValue(Set.of("fr", "en"));
        timeZone.setId("new-timezone");
        timeZone.setLabel(getTranslation("platform.timeZone"));
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        dpoEmail.setId("new-dpo");
        dpoEmail.setLabel(getTranslation("platform.dpoEmail"));
        adminEmail.setId("new-admin");
        adminEmail.setLabel(getTranslation("platform.adminEmail"));
        adminEmail.setHelperText(getTranslation("platform.new.adminHelp"));
        adminEmail.setRequiredIndicatorVisible(true);
        problem.setId("new-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("form-problem");
        errors.on("slug", slug).on("displayName", name).on("country", country).on("languages", languages)
                .on("timeZone", timeZone).on("dpoEmail", dpoEmail).on("firstAdminEmail", adminEmail);
        FormLayout form = new FormLayout(name, slug, country, timeZone, languages, dpoEmail, adminEmail);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        add(form, problem);
        Button create = new Button(getTranslation("platform.new.create"), e -> submit(console, created));
        create.setId("new-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("platform.cancel"), e -> close());
        cancel.setId("new-cancel");
        getFooter().add(cancel, create);
        setWidth("min(48em, 100vw)");
        addOpenedChangeListener(e -> name.focus());
    }

    private void submit(PlatformConsole console, Consumer<Provisioned> created) {
        errors.clear();
        problem.setText("");
        // French first when ticked: the first language is the institution's default (its first administrator's mail).
        List<String> chosen = new ArrayList<>(languages.getValue().stream().sorted(Comparator.reverseOrder()).toList());
        try {
            TenantSpec spec = new TenantSpec(slug.getValue().strip(), name.getValue(), country.getValue(), chosen,
                    timeZone.getValue(), dpoEmail.getValue(), adminEmail.getValue());
            Provisioned made = console.create(spec);
            close();
            created.accept(made);
        } catch (LifecycleException refusal) {
            if (refusal.reason() == LifecycleException.Reason.INVALID) {
                errors.show(LifecycleMessages.asFieldErrors(refusal));
            } else {
                problem.setText(LifecycleMessages.sentence(this, refusal, slug.getValue()));
            }
        }
    }

    /** "Lycée Victor Hugo" → "lycee-victor-hugo": accents dropped, anything else becomes a single hyphen. */
    static String suggestSlug(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > TenantSpec.SLUG_MAX_LENGTH ? slug.substring(0, TenantSpec.SLUG_MAX_LENGTH).replaceAll("-+$", "") : slug;
    }
}
