package eu.tutela.portal.administration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import eu.tutela.policy.variables.Countries;
import eu.tutela.policy.variables.DigitalConsentAge;
import eu.tutela.policy.variables.SupervisoryAuthority;
import eu.tutela.portal.shell.FieldErrors;
import eu.tutela.portal.shell.MainLayout;
import eu.tutela.portal.shell.PageTitle;
import eu.tutela.portal.shell.TenantLogo;
import eu.tutela.portal.tenancy.InvalidInputException;
import eu.tutela.portal.tenancy.LogoImage;
import eu.tutela.portal.tenancy.TenantSettings;
import eu.tutela.portal.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** An institution's settings, for its administrators: name, colour, logo, languages, time zone and legal defaults. */
@Route(value = "t/:tenant/settings", layout = MainLayout.class)
@PermitAll
public class SettingsView extends VerticalLayout implements BeforeEnterObserver, PageTitle {

    private final TenantSettingsService settings;
    private final TextField displayName = new TextField();
    private final TextField colour = new TextField();
    private final ComboBox<String> country = new ComboBox<>();
    private final IntegerField consentAge = new IntegerField();
    private final TextArea consentAgeReason = new TextArea();
    private final CheckboxGroup<String> languages = new CheckboxGroup<>();
    private final ComboBox<String> timeZone = new ComboBox<>();
    private final TextField dpoName = new TextField();
    private final TextField dpoEmail = new TextField();
    private final TextField authorityName = new TextField();
    private final TextField authorityUrl = new TextField();
    private final Image logoPreview = new Image();
    private final Paragraph logoError = new Paragraph();
    private final Button logoRemove = new Button();
    private final FieldErrors errors = new FieldErrors(this);
    private String defaultLanguage = "fr";

    SettingsView(TenantSettingsService settings) {
        this.settings = settings;
        addClassName("settings-form");
        logoRemove.setText(getTranslation("settings.logo.remove"));
        logoRemove.addClickListener(e -> {
            settings.removeLogo();
            showLogo(settings.current());
        });
        logoRemove.setId("settings-logo-remove");
        logoRemove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        country.addValueChangeListener(e -> explainDefaults(e.getValue()));
        timeZone.addCustomValueSetListener(e -> timeZone.setValue(e.getDetail()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        TenantSettings current = settings.current();
        H2 title = new H2(getTranslation("settings.title"));
        title.setId("settings-title");

        label(displayName, "settings-name", "settings.displayName");
        label(colour, "settings-colour", "settings.colour");
        colour.setHelperText(getTranslation("settings.colour.help"));
        country.setId("settings-country");
        country.setLabel(getTranslation("settings.country"));
        Locale locale = getLocale();
        country.setItems(Countries.eea().stream().sorted().toList());
        country.setItemLabelGenerator(code -> Locale.of("", code).getDisplayCountry(locale));
        consentAge.setId("settings-consent-age");
        consentAge.setLabel(getTranslation("settings.consentAge"));
        consentAge.setMin(13);
        consentAge.setMax(16);
        consentAge.setStepButtonsVisible(true);
        consentAgeReason.setId("settings-consent-age-reason");
        consentAgeReason.setLabel(getTranslation("settings.consentAgeReason"));
        consentAgeReason.setMaxLength(1000);
        languages.setId("settings-languages");
        languages.setLabel(getTranslation("settings.languages"));
        languages.setItems("fr", "en");
        languages.setItemLabelGenerator(code -> getTranslation("language." + code));
        timeZone.setId("settings-timezone");
        timeZone.setLabel(getTranslation("settings.timeZone"));
        timeZone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        timeZone.setAllowCustomValue(true);
        label(dpoName, "settings-dpo-name", "settings.dpoName");
        label(dpoEmail, "settings-dpo-email", "settings.dpoEmail");
        label(authorityName, "settings-authority-name", "settings.authorityName");
        label(authorityUrl, "settings-authority-url", "settings.authorityUrl");
        errors.on("displayName", displayName).on("primaryColour", colour).on("country", country).on("consentAge", consentAge)
                .on("consentAgeReason", consentAgeReason).on("languages", languages).on("timeZone", timeZone)
                .on("dpoName", dpoName).on("dpoEmail", dpoEmail).on("authorityName", authorityName).on("authorityUrl", authorityUrl);
        show(current);

        FormLayout form = new FormLayout(displayName, colour, country, timeZone, consentAge, consentAgeReason, languages,
                dpoName, dpoEmail, authorityName, authorityUrl);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(consentAgeReason, 2);

        Button save = new Button(getTranslation("settings.save"), e -> save());
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(title, form, save, logoSection(current));
    }

    private void label(TextField field, String id, String key) {
        field.setId(id);
        field.setLabel(getTranslation(key));
    }

    private void show(TenantSettings s) {
        displayName.setValue(s.displayName());
        colour.setValue(s.primaryColour());
        country.setValue(s.country());
        consentAge.setValue(s.consentAgeOverride());
        consentAgeReason.setValue(s.consentAgeReason() == null ? "" : s.consentAgeReason());
        languages.setValue(Set.copyOf(s.languages()));
        defaultLanguage = s.languages().getFirst();
        timeZone.setValue(s.timeZone().getId());
        dpoName.setValue(s.dpoName() == null ? "" : s.dpoName());
        dpoEmail.setValue(s.dpoEmail() == null ? "" : s.dpoEmail());
        authorityName.setValue(s.authorityName() == null ? "" : s.authorityName());
        authorityUrl.setValue(s.authorityUrl() == null ? "" : s.authorityUrl());
        explainDefaults(s.country());
    }

    /** What applies when the override fields stay empty: the country's age and authority. */
    private void explainDefaults(String code) {
        if (code == null) {
            return;
        }
        consentAge.setHelperText(getTranslation("settings.consentAge.help", DigitalConsentAge.forCountry(code)));
        String authority = SupervisoryAuthority.forCountry(code).map(SupervisoryAuthority::name).orElse("—");
        authorityName.setHelperText(getTranslation("settings.authority.help", authority));
    }

    private void save() {
        // The first language is the institution's default: the one it had, while it is still offered.
        List<String> chosen = Stream.concat(Stream.of(defaultLanguage), Stream.of("fr", "en"))
                .distinct().filter(languages.getValue()::contains).toList();
        TenantSettings.Change change = new TenantSettings.Change(displayName.getValue(), colour.getValue(), country.getValue(),
                consentAge.getValue(), consentAgeReason.getValue(), chosen, timeZone.getValue(), dpoName.getValue(),
                dpoEmail.getValue(), authorityName.getValue(), authorityUrl.getValue());
        try {
            errors.clear();
            TenantSettings saved = settings.update(change);
            show(saved);
            Notification.show(getTranslation("settings.saved"), 4_000, Notification.Position.BOTTOM_START).setId("settings-saved");
            // The header shows the new colour and name at once.
            getUI().ifPresent(ui -> ui.getPage().reload());
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }

    private VerticalLayout logoSection(TenantSettings current) {
        H3 heading = new H3(getTranslation("settings.logo"));
        Paragraph help = new Paragraph(getTranslation("settings.logo.help"));
        logoPreview.setId("settings-logo-preview");
        logoPreview.addClassName("tenant-logo");
        logoPreview.setAlt(getTranslation("header.logo", current.displayName()));
        showLogo(current);
        logoError.setId("settings-logo-error");
        logoError.addClassName("verification-broken");
        logoError.setVisible(false);

        Upload upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            // One file at a time, and the next choice starts afresh, whatever became of this one.
            upload.clearFileList();
            try {
                settings.replaceLogo(LogoImage.from(bytes, metadata.fileName()));
                logoError.setVisible(false);
                showLogo(settings.current());
            } catch (InvalidInputException refused) {
                logoError.setText(getTranslation(refused.problems().getOrDefault("logo", "settings.error.logoType")));
                logoError.setVisible(true);
            }
        }))));
        upload.setId("settings-logo-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(LogoImage.MAX_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/svg+xml", ".png", ".svg");
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("settings.logo.choose")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("settings.logo.drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(getTranslation("settings.error.logoSize"))
                .setIncorrectFileType(getTranslation("settings.error.logoType")).setTooManyFiles(getTranslation("settings.error.logoType")));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> {
            logoError.setText(e.getErrorMessage());
            logoError.setVisible(true);
        });

        HorizontalLayout row = new HorizontalLayout(logoPreview, logoRemove);
        return new VerticalLayout(heading, help, row, upload, logoError);
    }

    private void showLogo(TenantSettings current) {
        if (current.hasLogo()) {
            logoPreview.setSrc(TenantLogo.of(settings, current.tenantId()));
            logoPreview.setVisible(true);
        } else {
            logoPreview.setVisible(false);
        }
        logoRemove.setVisible(current.hasLogo());
    }

    @Override
    public String titleKey() {
        return "settings.title";
    }
}
