package no.siva.programflyt.forms;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of validating a submitted form: typed values (for the engine and our tables), the raw input
 * (to show the form again as typed) and the Norwegian error per field.
 */
public record FormSubmission(Map<String, Object> values, Map<String, List<String>> raw, Map<String, String> errors) {

    public boolean valid() {
        return errors.isEmpty();
    }

    public FormSubmission withError(String key, String message) {
        Map<String, String> e = new LinkedHashMap<>(errors);
        e.putIfAbsent(key, message);
        return new FormSubmission(values, raw, e);
    }

    public String string(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    public BigDecimal decimal(String key) {
        Object v = values.get(key);
        return v instanceof BigDecimal b ? b : v == null ? null : new BigDecimal(v.toString());
    }

    public boolean bool(String key) {
        return Boolean.TRUE.equals(values.get(key));
    }

    /** What the form shows in an input: the raw text typed, or nothing. */
    public String rawFirst(String key) {
        List<String> v = raw.get(key);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    public boolean rawContains(String key, String value) {
        List<String> v = raw.get(key);
        return v != null && v.contains(value);
    }

    public static FormSubmission empty() {
        return new FormSubmission(Map.of(), Map.of(), Map.of());
    }
}
