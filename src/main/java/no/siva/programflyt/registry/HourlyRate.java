package no.siva.programflyt.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.shared.Formats;
import org.springframework.context.MessageSource;

/**
 * The cap on hourly rates for administration and implementation costs (programme guide §10.4): the lower of
 * NOK 1 100 and 1.2 per mille of the nominal annual salary; part-time salaries are grossed up to a full-time
 * position. A full-time year is 1 695 hours.
 */
public final class HourlyRate {

    public static final BigDecimal MAX_RATE = new BigDecimal("1100");
    public static final BigDecimal PER_MILLE = new BigDecimal("0.0012");
    public static final BigDecimal HOURS_PER_YEAR = new BigDecimal("1695");

    private HourlyRate() {}

    /** Salary for a full-time position: 600 000 at 60 % is 1 000 000. */
    public static BigDecimal fullTimeSalary(BigDecimal salary, BigDecimal positionPercent) {
        if (positionPercent.signum() <= 0 || positionPercent.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("position percent must be in (0, 100]");
        }
        return salary.multiply(new BigDecimal("100")).divide(positionPercent, 2, RoundingMode.HALF_UP);
    }

    /**
     * The hours a position can give in a year: «antallet timer i et årsverk (Siva benytter 1 695 timer)», times the
     * position's share, rounded down (a 60 % position: 1 017 hours).
     */
    public static BigDecimal maxHours(BigDecimal positionPercent) {
        return HOURS_PER_YEAR.multiply(positionPercent).divide(new BigDecimal("100"), 0, RoundingMode.DOWN);
    }

    /** A problem with a budget's staff line, at its field, as a message key with arguments. */
    public record Problem(String field, String key, BigDecimal... args) {}

    /**
     * The staff line of a budget by the guide §10.4: the hourly rate within the cap, the hours within what the position
     * gives in a year of 1 695 hours, and the budget at least the hours at that rate.
     */
    public static List<Problem> budgetProblems(BigDecimal salary, BigDecimal positionPercent, BigDecimal rate,
                                               BigDecimal hours, BigDecimal budget, String budgetField) {
        List<Problem> problems = new ArrayList<>();
        if (salary == null || positionPercent == null || rate == null || hours == null) {
            return problems;   // the form's own required-field errors are shown
        }
        if (rate.compareTo(cap(salary, positionPercent)) > 0) {
            problems.add(new Problem("timepris", "admission.error.hourlyRateAboveCap", cap(salary, positionPercent),
                    fullTimeSalary(salary, positionPercent)));
        }
        if (hours.compareTo(maxHours(positionPercent)) > 0) {
            problems.add(new Problem("timer", "budget.error.hoursAboveYear", positionPercent, maxHours(positionPercent)));
        }
        if (budget != null && hours.multiply(rate).compareTo(budget) > 0) {
            problems.add(new Problem(budgetField, "budget.error.belowHours", hours.multiply(rate)));
        }
        return problems;
    }

    /** The submission with each problem's message at its field (amounts as "1 100 kr", percents as "60 %"). */
    public static FormSubmission withProblems(FormSubmission s,
                                              List<Problem> problems,
                                              MessageSource messages,
                                              Locale locale) {
        Formats f = new Formats();
        for (Problem p : problems) {
            Object[] args = Arrays.stream(p.args()).map(a -> "budget.error.hoursAboveYear".equals(p.key())
                    ? a.stripTrailingZeros().toPlainString() : f.nok(a)).toArray();
            s = s.withError(p.field(), messages.getMessage(p.key(), args, locale));
        }
        return s;
    }

    /** min(1 100, 1.2 ‰ of the full-time salary), in whole kroner rounded down. */
    public static BigDecimal cap(BigDecimal salary, BigDecimal positionPercent) {
        BigDecimal byPerMille = fullTimeSalary(salary, positionPercent).multiply(PER_MILLE).setScale(0, RoundingMode.DOWN);
        return byPerMille.min(MAX_RATE);
    }
}
