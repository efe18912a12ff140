package no.siva.programflyt.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The audit trail's filters as the page sends them, bound by Spring MVC: a date that is no date is an error at its
 * field, and a period that ends before it begins an error at «til».
 */
record AuditQuery(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String action, String caseType,
                  String actor, String q) {

    /** The dates that are no dates (message keys by field). */
    static Map<String, String> dateErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : new String[] {"from", "to"}) {
            if (binding.hasFieldErrors(field)) {
                errors.put(field, "audit.error.date");
            }
        }
        return errors;
    }

    /** The page's field errors (message keys by field): the dates, and a period that ends before it begins. */
    static Map<String, String> errors(AuditQuery query, BindingResult binding) {
        Map<String, String> errors = dateErrors(binding);
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            errors.put("to", "audit.error.period");
        }
        return errors;
    }

    /** The filter to search by: a date in error is left out. */
    AuditFilter filter(Map<String, String> errors) {
        return AuditFilter.of(errors.containsKey("from") ? null : from, errors.containsKey("to") ? null : to, action,
                caseType, actor, q);
    }

    /** What the person typed in a date field, to show it again as it was. */
    static String typed(BindingResult binding, String field, LocalDate bound) {
        FieldError e = binding.getFieldError(field);
        if (e != null) {
            return String.valueOf(e.getRejectedValue());
        }
        return bound == null ? null : bound.toString();
    }
}
