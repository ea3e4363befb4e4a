package eu.tutela.portal.policy.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import eu.tutela.policy.Lang;
import eu.tutela.policy.catalogue.Labels;
import eu.tutela.policy.variables.Countries;
import eu.tutela.policy.variables.Problem;
import eu.tutela.policy.variables.RecipientCategory;
import eu.tutela.policy.variables.TransferSafeguard;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The named processors, one row each: name, category, country, and the safeguard of a transfer, asked for
 * only when the country is outside the EEA. Hands the whole list to {@code changed} at each edit.
 */
class ProcessorsField extends Composite<VerticalLayout> {

    private final String label;
    private final Lang lang;
    private final Consumer<List<Map<String, String>>> changed;
    private final List<Row> rows = new ArrayList<>();
    private final Div rowsBox = new Div();
    private final Span listProblem = new Span();

    ProcessorsField(String label, Lang lang, List<Map<String, String>> value, Consumer<List<Map<String, String>>> changed) {
        this.label = label;
        this.lang = lang;
        this.changed = changed;
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.setId("policy-var-processors");
        layout.addClassName("processors-field");
        Span title = new Span(label);
        title.addClassName("processors-title");
        listProblem.addClassName("form-problem");
        listProblem.setId("policy-var-processors-problem");
        Button add = new Button(getTranslation("policy.editor.processor.add"), e -> {
            addRow(Map.of()).name.focus();
            fire();
        });
        add.setId("policy-processor-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        layout.add(title, rowsBox, listProblem, add);
        value.forEach(this::addRow);
    }

    private Row addRow(Map<String, String> processor) {
        Row row = new Row(rows.size(), processor);
        rows.add(row);
        rowsBox.add(row.layout);
        return row;
    }

    private void remove(Row row) {
        rows.remove(row);
        rowsBox.remove(row.layout);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).number(i);
        }
        fire();
    }

    private void fire() {
        changed.accept(value());
    }

    /** The rows filled in, in order: a row just added and still empty is not a processor yet. */
    List<Map<String, String>> value() {
        return filled().stream().map(Row::value).toList();
    }

    private List<Row> filled() {
        return rows.stream().filter(row -> !row.value().isEmpty()).toList();
    }

    void clearProblems() {
        listProblem.setText("");
        rows.forEach(Row::clearProblems);
    }

    /**
     * A problem on "processors" (the list) or "processors[2].country" (one field of the second processor: the
     * library counts from 1). The library's message names codes for a values file; a row says it in words.
     */
    void showProblem(Problem problem) {
        String subject = problem.subject();
        String message = switch (problem.code()) {
            case "processor.safeguardMissing" -> getTranslation("policy.editor.processor.safeguardMissing");
            case "processor.shape" -> getTranslation("policy.editor.processor.incomplete");
            default -> problem.message(lang);
        };
        int open = subject.indexOf('[');
        if (open < 0) {
            listProblem.setText(message);
            return;
        }
        // The index is the processor's in the value, which skips the empty rows.
        int index = Integer.parseInt(subject.substring(open + 1, subject.indexOf(']'))) - 1;
        String field = subject.indexOf('.', open) < 0 ? "" : subject.substring(subject.indexOf('.', open) + 1);
        List<Row> filled = filled();
        if (index < 0 || index >= filled.size()) {
            listProblem.setText(message);
            return;
        }
        filled.get(index).showProblem(field, message);
    }

    private final class Row {
        final HorizontalLayout layout = new HorizontalLayout();
        final TextField name = new TextField();
        final ComboBox<RecipientCategory> category = new ComboBox<>();
        final ComboBox<String> country = new ComboBox<>();
        final ComboBox<TransferSafeguard> safeguard = new ComboBox<>();
        final Button remove = new Button();

        Row(int index, Map<String, String> processor) {
            name.setValueChangeMode(ValueChangeMode.LAZY);
            name.setMaxLength(200);
            name.setValue(processor.getOrDefault("name", ""));
            category.setItems(RecipientCategory.values());
            category.setItemLabelGenerator(c -> capital(Labels.get().label(c, lang)));
            category.setValue(parse(RecipientCategory.class, processor.get("category")));
            country.setItems(Arrays.stream(Locale.getISOCountries()).sorted(byName()).toList());
            country.setItemLabelGenerator(this::countryName);
            country.setValue(processor.get("country"));
            safeguard.setItems(TransferSafeguard.values());
            safeguard.setItemLabelGenerator(s -> capital(Labels.get().label(s, lang)));
            safeguard.setValue(parse(TransferSafeguard.class, processor.get("safeguard")));
            safeguard.setHelperText(getTranslation("policy.editor.processor.safeguardHelp"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            name.addValueChangeListener(e -> fire());
            category.addValueChangeListener(e -> fire());
            country.addValueChangeListener(e -> {
                showSafeguard();
                fire();
            });
            safeguard.addValueChangeListener(e -> fire());
            remove.addClickListener(e -> ProcessorsField.this.remove(this));
            layout.add(name, category, country, safeguard, remove);
            layout.addClassName("processor-row");
            layout.setWrap(true);
            layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            number(index);
            showSafeguard();
        }

        void number(int index) {
            String n = String.valueOf(index + 1);
            name.setLabel(getTranslation("policy.editor.processor.name", n));
            category.setLabel(getTranslation("policy.editor.processor.category"));
            country.setLabel(getTranslation("policy.editor.processor.country"));
            safeguard.setLabel(getTranslation("policy.editor.processor.safeguard"));
            remove.setText(getTranslation("policy.editor.processor.remove"));
            remove.setAriaLabel(getTranslation("policy.editor.processor.removeNumbered", n, label));
            name.setId("policy-processor-" + index + "-name");
            category.setId("policy-processor-" + index + "-category");
            country.setId("policy-processor-" + index + "-country");
            safeguard.setId("policy-processor-" + index + "-safeguard");
            remove.setId("policy-processor-" + index + "-remove");
        }

        private void showSafeguard() {
            boolean outside = country.getValue() != null && !Countries.isEea(country.getValue());
            safeguard.setVisible(outside);
            if (!outside) {
                safeguard.clear();
            }
        }

        Map<String, String> value() {
            Map<String, String> value = new LinkedHashMap<>();
            if (!name.getValue().isBlank()) {
                value.put("name", name.getValue().strip());
            }
            if (category.getValue() != null) {
                value.put("category", category.getValue().name());
            }
            if (country.getValue() != null) {
                value.put("country", country.getValue());
            }
            if (safeguard.getValue() != null) {
                value.put("safeguard", safeguard.getValue().name());
            }
            return value;
        }

        void clearProblems() {
            List.<HasValidation>of(name, category, country, safeguard).forEach(field -> field.setInvalid(false));
        }

        void showProblem(String field, String message) {
            HasValidation target = switch (field) {
                case "category" -> category;
                case "country" -> country;
                case "safeguard" -> safeguard;
                default -> name;
            };
            if (target == safeguard) {
                safeguard.setVisible(true);
            }
            target.setErrorMessage(message);
            target.setInvalid(true);
        }

        private String countryName(String code) {
            return Locale.of("", code).getDisplayCountry(getLocale());
        }

        private Comparator<String> byName() {
            return Comparator.comparing(this::countryName, Collator.getInstance(getLocale()));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static String capital(String label) {
        String plain = label.replace("*", "");
        return plain.isEmpty() ? plain : plain.substring(0, 1).toUpperCase(Locale.ROOT) + plain.substring(1);
    }
}
