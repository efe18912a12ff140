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

    /** How many rows a list shows: as many as were typed (empty rows included), at least {@code atLeast}. */
    public int rows(String path, int atLeast) {
        int max = -1;
        String prefix = path + "[";
        for (String key : raw.keySet()) {
            if (key.startsWith(prefix) && key.indexOf(']') > prefix.length()) {
                try {
                    max = Math.max(max, Integer.parseInt(key.substring(prefix.length(), key.indexOf(']'))));
                } catch (NumberFormatException e) {
                    // not a row's field
                }
            }
        }
        return Math.max(max + 1, atLeast);
    }

    /** A list's filled-in rows as typed values, field key to value, in the order shown (empty rows left out). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String path) {
        Object v = values.get(path);
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    public static FormSubmission empty() {
        return new FormSubmission(Map.of(), Map.of(), Map.of());
    }
}
