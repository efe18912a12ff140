package no.siva.programflyt.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import no.siva.programflyt.shared.Amounts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Validates submitted values against a form's schema on the server: the same rules form-js applies in the browser
 * ({@code validate.required}, min/max, min/max length, pattern, e-mail), plus type checks, and only keys the form
 * declares are taken (nothing else reaches the engine).
 */
@Component
public class FormValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final MessageSource messages;

    public FormValidator(MessageSource messages) {
        this.messages = messages;
    }

    public FormSubmission validate(FormDefinition form, Map<String, List<String>> input, Locale locale) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, List<String>> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> labels = form.messageLabels();
        for (FormComponent c : form.inputs()) {
            if (Boolean.TRUE.equals(c.disabled()) || Boolean.TRUE.equals(c.readonly())) {
                continue;
            }
            List<String> given = input.getOrDefault(c.key(), List.of()).stream()
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            raw.put(c.key(), given);
            String label = labels.getOrDefault(c.key(), c.displayLabel());
            String first = given.isEmpty() ? null : given.get(0);
            switch (c.type()) {
                case "checkbox" -> {
                    boolean checked = first != null && !"false".equals(first);
                    if (c.required() && !checked) {
                        errors.put(c.key(), msg(locale, "form.error.mustCheck", label));
                    }
                    values.put(c.key(), checked);
                }
                case "checklist" -> {
                    List<String> allowed = c.options().stream().map(FormComponent.Option::value).toList();
                    if (!allowed.containsAll(given)) {
                        errors.put(c.key(), msg(locale, "form.error.invalidChoice", label));
                    } else if (c.required() && given.isEmpty()) {
                        errors.put(c.key(), msg(locale, "form.error.chooseAtLeastOne", label));
                    }
                    values.put(c.key(), new ArrayList<>(given));
                }
                default -> {
                    if (first == null) {
                        if (c.required()) {
                            errors.put(c.key(), msg(locale, "form.error.required", label));
                        }
                        continue;
                    }
                    String error = checkValue(c, first, values, locale, label);
                    if (error != null) {
                        errors.put(c.key(), error);
                    }
                }
            }
        }
        for (FormComponent list : form.lists()) {
            validateList(list, input, values, raw, errors, locale);
        }
        return new FormSubmission(values, raw, errors);
    }

    /**
     * A dynamic list: each row's fields are checked as single fields are, at the row's field ({@code path[i].key});
     * a row with nothing typed is left out; a required field is required in a row that has anything typed. The rows
     * are renumbered from 0 in the typed values; the raw input keeps the numbering shown.
     */
    private void validateList(FormComponent list, Map<String, List<String>> input, Map<String, Object> values,
                              Map<String, List<String>> raw, Map<String, String> errors, Locale locale) {
        SortedSet<Integer> rows = new TreeSet<>();
        String prefix = list.path() + "[";
        for (String key : input.keySet()) {
            int close = key.indexOf("].");
            if (key.startsWith(prefix) && close > prefix.length()) {
                try {
                    rows.add(Integer.parseInt(key.substring(prefix.length(), close)));
                } catch (NumberFormatException e) {
                    // not a row's field
                }
            }
        }
        List<Map<String, Object>> typed = new ArrayList<>();
        for (int row : rows) {
            if (row < 0 || row >= MAX_ROWS) {
                continue;
            }
            boolean any = false;
            for (FormComponent c : list.children()) {
                String k = FormComponent.rowKey(list.path(), row, c.key());
                List<String> given = input.getOrDefault(k, List.of()).stream().map(String::trim).filter(x -> !x.isEmpty()).toList();
                raw.put(k, given);
                any |= !given.isEmpty();
            }
            if (!any) {
                continue;
            }
            Map<String, Object> rowValues = new LinkedHashMap<>();
            for (FormComponent c : list.children()) {
                String k = FormComponent.rowKey(list.path(), row, c.key());
                String first = raw.get(k).isEmpty() ? null : raw.get(k).get(0);
                if (first == null) {
                    if (c.required()) {
                        errors.put(k, msg(locale, "form.error.requiredInRow", c.displayLabel(), row + 1));
                    }
                    continue;
                }
                String error = checkValue(c, first, rowValues, locale);
                if (error != null) {
                    errors.put(k, msg(locale, "form.error.inRow", row + 1, error));
                }
            }
            rowValues.put(ROW, row);
            typed.add(rowValues);
        }
        if (list.required() && typed.isEmpty()) {
            errors.put(list.path(), msg(locale, "form.error.oneRow", list.displayLabel()));
        }
        values.put(list.path(), typed);
    }

    /** The row a list's typed values came from (as shown, from 0): errors found later are put at that row's field. */
    public static final String ROW = "_row";

    /** A list never has more rows than this (a request cannot make the server build thousands). */
    static final int MAX_ROWS = 200;

    private String checkValue(FormComponent c, String s, Map<String, Object> values, Locale locale) {
        return checkValue(c, s, values, locale, c.displayLabel());
    }

    private String checkValue(FormComponent c, String s, Map<String, Object> values, Locale locale, String label) {
        FormComponent.Validate v = c.validate();
        switch (c.type()) {
            case "number" -> {
                BigDecimal n = Amounts.parse(s).orElse(null);
                if (n == null) {
                    return msg(locale, "form.error.number", label);
                }
                // the form's decimalDigits (Camunda Forms): 0 means whole numbers, e.g. whole kroner
                if (c.decimalDigits() != null && Math.max(0, n.stripTrailingZeros().scale()) > c.decimalDigits()) {
                    return c.decimalDigits() == 0 ? msg(locale, "form.error.wholeNumber", label)
                            : msg(locale, "form.error.decimals", label, c.decimalDigits());
                }
                if (v != null && v.min() != null && n.compareTo(BigDecimal.valueOf(v.min())) < 0) {
                    return msg(locale, "form.error.min", label, plain(v.min()));
                }
                if (v != null && v.max() != null && n.compareTo(BigDecimal.valueOf(v.max())) > 0) {
                    return msg(locale, "form.error.max", label, plain(v.max()));
                }
                values.put(c.key(), n);
                return null;
            }
            case "radio", "select" -> {
                if (c.options().stream().noneMatch(o -> o.value().equals(s))) {
                    return msg(locale, "form.error.invalidChoice", label);
                }
                values.put(c.key(), s);
                return null;
            }
            case "datetime" -> {
                try {
                    Object parsed = switch (c.dateSubtype()) {
                        case "time" -> LocalTime.parse(s).toString();
                        case "datetime" -> LocalDateTime.parse(s).toString();
                        default -> LocalDate.parse(s).toString();
                    };
                    values.put(c.key(), parsed);
                    return null;
                } catch (DateTimeParseException e) {
                    return msg(locale, "form.error.date", label);
                }
            }
            default -> {
                if (v != null && v.minLength() != null && s.length() < v.minLength()) {
                    return msg(locale, "form.error.minLength", label, v.minLength());
                }
                if (v != null && v.maxLength() != null && s.length() > v.maxLength()) {
                    return msg(locale, "form.error.maxLength", label, v.maxLength());
                }
                if (v != null && "email".equals(v.validationType()) && !EMAIL.matcher(s).matches()) {
                    return msg(locale, "form.error.email", label);
                }
                if (v != null && v.pattern() != null && !v.pattern().isBlank() && !matches(v.pattern(), s)) {
                    return msg(locale, "form.error.pattern", label);
                }
                values.put(c.key(), s);
                return null;
            }
        }
    }

    private static boolean matches(String pattern, String s) {
        try {
            return Pattern.compile(pattern).matcher(s).matches();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("Invalid pattern in form schema: " + pattern, e);
        }
    }

    private static String plain(Double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
