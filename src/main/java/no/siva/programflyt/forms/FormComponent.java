package no.siva.programflyt.forms;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * One component of a Camunda Forms schema (the subset Programflyt renders and validates on the server):
 * textfield, textarea, number, checkbox, checklist, radio, select, datetime, text, group, separator.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormComponent(String id, String type, String key, String label, String description, String text,
                            String subtype, String dateLabel, Validate validate, List<Option> values,
                            List<FormComponent> components, Object defaultValue, Boolean disabled,
                            Boolean readonly, Map<String, Object> appearance, Integer decimalDigits) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Validate(Boolean required, Double min, Double max, Integer minLength, Integer maxLength,
                           String pattern, String validationType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String label, String value) {
    }

    public boolean isInput() {
        return key != null && !key.isBlank() && switch (type) {
            case "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "datetime" -> true;
            default -> false;
        };
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
