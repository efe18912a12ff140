package no.siva.programflyt.differentiation;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The small forms of the differentiation pages, bound and checked by Spring MVC: a field that is empty or not a number
 * or date is a binding error, and the page says so in Norwegian.
 */
final class RoundForms {

    private RoundForms() {}

    /** The year of a round the project leader starts by hand. */
    record Start(@NotNull Integer year) {}

    /** The day the state budget proposal was published. */
    record BudgetDate(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {}

    /** The first year of the grant model's four-year period (a page's query, or the new version's period). */
    record Period(Integer from) {}
}
