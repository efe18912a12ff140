package no.siva.programflyt.forms;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * One component of a Camunda Forms schema (the subset Programflyt renders and validates on the server):
 * textfield, textarea, number, checkbox, checklist, radio, select, datetime, text, group, separator, and dynamiclist
 * (rows of the same fields, e.g. one row per owner: its fields are named {@code path[row].key} in the request).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormComponent(String id, String type, String key, String label, String description, String text,
                            String subtype, String dateLabel, Validate validate, List<Option> values,
                            List<FormComponent> components, Object defaultValue, Boolean disabled,
                            Boolean readonly, Map<String, Object> appearance, Integer decimalDigits, String path,
                            Integer defaultRepetitions) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Validate(Boolean required, Double min, Double max, Integer minLength, Integer maxLength,
                           String pattern, String validationType) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String label, String value) {}

    public boolean isInput() {
        return key != null && !key.isBlank() && switch (type) {
            case "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "datetime" -> true;
            default -> false;
        };
    }

    /** A list of rows (Camunda Forms' dynamic list): its fields repeat per row under {@link #path()}. */
    public boolean isList() {
        return "dynamiclist".equals(type) && path != null && !path.isBlank();
    }

    /** Rows a new list starts with (at least one). */
    public int startRows() {
        return defaultRepetitions == null || defaultRepetitions < 1 ? 1 : defaultRepetitions;
    }

    /** The request name of a field in a row: {@code eierskap[0].eier}. */
    public static String rowKey(String path, int row, String key) {
        return path + "[" + row + "]." + key;
    }

    public boolean required() {
        return validate != null && Boolean.TRUE.equals(validate.required());
    }

    /** The visible label: datetime components carry theirs in {@code dateLabel}. */
    public String displayLabel() {
        if (label != null && !label.isBlank()) {
            return label;
        }
        return dateLabel != null ? dateLabel : key;
    }

    public String inputId() {
        return "f-" + key;
    }

    public String dateSubtype() {
        return subtype == null ? "date" : subtype;
    }

    public List<Option> options() {
        return values == null ? List.of() : values;
    }

    public List<FormComponent> children() {
        return components == null ? List.of() : components;
    }

    public String suffix() {
        return appearance == null ? null : (String) appearance.get("suffixAdorner");
    }
}
