package eu.tutela.portal.policy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import eu.tutela.policy.Lang;
import eu.tutela.policy.TemplateDescription;
import eu.tutela.policy.catalogue.ClauseDefinition;
import eu.tutela.policy.catalogue.Labels;
import eu.tutela.policy.catalogue.VariableDefinition;
import eu.tutela.policy.variables.Channel;
import eu.tutela.policy.variables.Problem;
import eu.tutela.policy.variables.RecipientCategory;
import eu.tutela.portal.policy.DraftContent;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The form of a draft, generated from its template: one field per typed variable, a toggle per optional
 * clause, a choice per alternative clause, and free text per section in each language the institution
 * offers. Every edit hands the whole content to {@code changed} (text fields once the person pauses).
 * Problems land on the field they name.
 */
class DraftForm extends Composite<Div> {

    private final TemplateDescription template;
    private final List<Lang> languages;
    private final Lang lang;
    private final Consumer<DraftContent> changed;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private ProcessorsField processors;
    private DraftContent content;

    DraftForm(TemplateDescription template, List<Lang> languages, Lang lang, DraftContent content, Consumer<DraftContent> changed) {
        this.template = template;
        this.languages = languages;
        this.lang = lang;
        this.content = content;
        this.changed = changed;
        Div form = getContent();
        form.addClassName("policy-form");
        form.add(variables(), clauses(), freeText());
    }

    private Component variables() {
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        for (VariableDefinition variable : template.variables()) {
            Component field = field(variable);
            layout.add(field);
            if (field instanceof ProcessorsField || field instanceof TextArea || field instanceof CheckboxGroup<?>) {
                layout.setColspan(field, 2);
            }
        }
        return section("policy.editor.values", layout);
    }

    private Component field(VariableDefinition variable) {
        String name = variable.name();
        String id = "policy-var-" + name.replace('.', '-');
        String label = variable.label(lang) + (variable.required() ? " *" : "");
        Object value = content.values().get(name);
        return switch (variable.type()) {
            case COUNTRY -> {
                ComboBox<String> country = new ComboBox<>(label);
                country.setItems(Arrays.stream(Locale.getISOCountries()).sorted(byCountryName()).toList());
                country.setItemLabelGenerator(code -> Locale.of("", code).getDisplayCountry(getLocale()));
                country.setValue(value == null ? null : value.toString());
                country.addValueChangeListener(e -> set(name, e.getValue()));
                yield register(name, id, country);
            }
            case TEXT_LIST -> {
                TextArea lines = new TextArea(label);
                lines.setHelperText(getTranslation("policy.editor.oneLinePerItem"));
                lines.setValue(value instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining("\n")) : "");
                lines.setValueChangeMode(ValueChangeMode.LAZY);
                lines.setMaxLength(4000);
                lines.addValueChangeListener(e -> set(name, e.getValue().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()));
                yield register(name, id, lines);
            }
            case CHANNELS -> register(name, id, codes(label, Channel.class, value, name));
            case RECIPIENT_CATEGORIES -> register(name, id, codes(label, RecipientCategory.class, value, name));
            case PROCESSORS -> {
                processors = new ProcessorsField(label, lang, processorList(value), list -> set(name, list));
                yield processors;
            }
            default -> {
                TextField text = new TextField(label);
                text.setValue(value == null ? "" : value.toString());
                text.setValueChangeMode(ValueChangeMode.LAZY);
                text.setMaxLength(500);
                helper(variable, text);
                text.addValueChangeListener(e -> set(name, e.getValue().strip()));
                yield register(name, id, text);
            }
        };
    }

    private void helper(VariableDefinition variable, TextField text) {
        switch (variable.type()) {
            case DURATION -> text.setHelperText(getTranslation("policy.editor.durationHelp"));
            case URL -> text.setHelperText(getTranslation("policy.editor.urlHelp"));
            case INTEGER -> text.setHelperText(getTranslation("policy.editor.integerHelp"));
            default -> { }
        }
    }

    private <E extends Enum<E>> CheckboxGroup<E> codes(String label, Class<E> type, Object value, String name) {
        CheckboxGroup<E> group = new CheckboxGroup<>(label);
        group.setItems(type.getEnumConstants());
        group.setItemLabelGenerator(code -> ProcessorsField.capital(Labels.get().label(code, lang)));
        Set<E> chosen = EnumSet.noneOf(type);
        if (value instanceof List<?> list) {
            for (Object code : list) {
                Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(String.valueOf(code))).forEach(chosen::add);
            }
        }
        group.setValue(chosen);
        group.addValueChangeListener(e -> set(name, Arrays.stream(type.getEnumConstants())
                .filter(e.getValue()::contains).map(Enum::name).toList()));
        return group;
    }

    private Component clauses() {
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        for (ClauseDefinition clause : template.clauses()) {
            String id = "policy-clause-" + clause.id();
            String chosen = content.clauses().getOrDefault(clause.id(), clause.defaultOption());
            if (clause.kind() == ClauseDefinition.Kind.OPTIONAL) {
                Checkbox toggle = new Checkbox(clause.label(lang), ClauseDefinition.ON.equals(chosen));
                toggle.addValueChangeListener(e -> choose(clause.id(), e.getValue() ? ClauseDefinition.ON : ClauseDefinition.OFF));
                layout.add(register(clause.id(), id, toggle));
            } else {
                RadioButtonGroup<String> options = new RadioButtonGroup<>(clause.label(lang));
                options.setItems(clause.options());
                options.setItemLabelGenerator(option -> getTranslation("policy.clause.option." + option));
                options.setValue(chosen);
                options.addValueChangeListener(e -> choose(clause.id(), e.getValue()));
                layout.add(register(clause.id(), id, options));
            }
        }
        return section("policy.editor.clauses", layout);
    }

    private Component freeText() {
        Div sections = new Div();
        for (TemplateDescription.Section section : template.sections()) {
            FormLayout texts = new FormLayout();
            texts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
            boolean written = false;
            for (Lang language : languages) {
                TextArea text = new TextArea(getTranslation("policy.editor.freeText", getTranslation("language." + language.code())));
                text.setHelperText(getTranslation("policy.editor.freeTextHelp"));
                text.setValue(content.freeText(language, section.id()));
                text.setValueChangeMode(ValueChangeMode.LAZY);
                text.setMaxLength(8000);
                text.addValueChangeListener(e -> {
                    content = content.withFreeText(language, section.id(), e.getValue());
                    changed.accept(content);
                });
                texts.add(register(language.code() + ":" + section.id(), "policy-free-" + section.id() + "-" + language.code(), text));
                written |= !text.getValue().isBlank();
            }
            Details details = new Details(section.title(), texts);
            details.setId("policy-section-" + section.id());
            details.setOpened(written);
            sections.add(details);
        }
        return section("policy.editor.freeTexts", sections);
    }

    private Component section(String titleKey, Component body) {
        Div box = new Div(new H3(getTranslation(titleKey)), body);
        box.addClassName("policy-form-part");
        return box;
    }

    private <C extends Component> C register(String subject, String id, C field) {
        field.setId(id);
        if (field instanceof HasValidation validated) {
            fields.put(subject, validated);
        }
        return field;
    }

    private void set(String name, Object value) {
        content = content.withValue(name, value);
        changed.accept(content);
    }

    private void choose(String clause, String option) {
        if (option != null && !Objects.equals(content.clauses().get(clause), option)) {
            content = content.withClause(clause, option);
            changed.accept(content);
        }
    }

    /**
     * Each problem on its field, in the person's language; a problem of a variable or clause is the same in
     * every language, a problem of free text belongs to the text of its language. Returns the problems that
     * have no field here (to be listed beside the preview).
     */
    List<String> show(Map<Lang, List<Problem>> problems) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        if (processors != null) {
            processors.clearProblems();
        }
        Set<String> unplaced = new LinkedHashSet<>();
        problems.forEach((language, list) -> {
            for (Problem problem : list) {
                String subject = problem.subject();
                String message = problem.message(lang);
                HasValidation target = fields.containsKey(subject) ? fields.get(subject) : fields.get(language.code() + ":" + subject);
                if (subject.startsWith("processors") && processors != null) {
                    processors.showProblem(problem);
                } else if (target != null) {
                    target.setErrorMessage(message);
                    target.setInvalid(true);
                } else {
                    unplaced.add(message);
                }
            }
        });
        return List.copyOf(unplaced);
    }

    private Comparator<String> byCountryName() {
        Collator collator = Collator.getInstance(getLocale());
        return Comparator.comparing(code -> Locale.of("", code).getDisplayCountry(getLocale()), collator);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> processorList(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(item -> {
            Map<String, String> processor = new LinkedHashMap<>();
            ((Map<String, Object>) item).forEach((k, v) -> processor.put(k, v == null ? null : v.toString()));
            return processor;
        }).toList();
    }
}
