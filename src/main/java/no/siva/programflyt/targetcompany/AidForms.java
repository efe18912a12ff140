package no.siva.programflyt.targetcompany;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.shared.Kroner;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * The aid forms of a target company's page, bound and checked by Spring MVC: a line of aid given (§14) and an
 * increase of the aid granted (§14.5). A field that is empty or not what it should be (a date that is no date, text
 * that is no amount) is an error at that field; the page shows the first, in the form's order, with what was typed.
 */
final class AidForms {

    private AidForms() {}

    /** The first field with an error, in the order of {@code keys} (field to message key), with its message key. */
    static Optional<Map.Entry<String, String>> firstError(BindingResult errors, Map<String, String> keys) {
        return keys.entrySet().stream().filter(e -> errors.hasFieldErrors(e.getKey())).findFirst();
    }

    /** What the person typed in each field, exactly, to show the form again as it was. */
    static Map<String, String> typed(Map<String, String> parameters, Iterable<String> fields) {
        Map<String, String> m = new HashMap<>();
        for (String f : fields) {
            m.put(f, parameters.getOrDefault(f, ""));
        }
        return m;
    }

    /** A line of aid given: the service's date, cost type, description, market value and the company's own part. */
    record Line(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceDate, String costType,
                @NotBlank String description, @NotNull @Kroner BigDecimal marketValue,
                @NotNull @Kroner BigDecimal ownContribution) {

        /** The fields in the form's order, each with the message its error shows. */
        static final Map<String, String> ERRORS = errors("serviceDate", "ledger.error.date", "description",
                "ledger.error.description", "marketValue", "ledger.error.amountFormat", "ownContribution",
                "ledger.error.amountFormat");
    }

    /** An increase of the aid granted: its date, amount and reason. */
    record Grant(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate grantDate,
                 @NotNull @Kroner BigDecimal grantAmount, @NotBlank String grantReason) {

        static final Map<String, String> ERRORS = errors("grantDate", "ledger.error.date", "grantAmount",
                "ledger.error.amountFormat", "grantReason", "ledger.error.grantReason");
    }

    /** Field and message key pairs, in order. */
    private static Map<String, String> errors(String... fieldsAndKeys) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndKeys.length; i += 2) {
            m.put(fieldsAndKeys[i], fieldsAndKeys[i + 1]);
        }
        return m;
    }
}
