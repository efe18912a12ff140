package no.siva.programflyt.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The cap on hourly rates for administration and implementation costs (programme guide §10.4): the lower of
 * NOK 1 100 and 1.2 per mille of the nominal annual salary; part-time salaries are grossed up to a full-time
 * position. A full-time year is 1 695 hours.
 */
public final class HourlyRate {

    public static final BigDecimal MAX_RATE = new BigDecimal("1100");
    public static final BigDecimal PER_MILLE = new BigDecimal("0.0012");
    public static final BigDecimal HOURS_PER_YEAR = new BigDecimal("1695");

    private HourlyRate() {
    }

    /** Salary for a full-time position: 600 000 at 60 % is 1 000 000. */
    public static BigDecimal fullTimeSalary(BigDecimal salary, BigDecimal positionPercent) {
        if (positionPercent.signum() <= 0 || positionPercent.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("position percent must be in (0, 100]");
        }
        return salary.multiply(new BigDecimal("100")).divide(positionPercent, 2, RoundingMode.HALF_UP);
    }

    /** min(1 100, 1.2 ‰ of the full-time salary), in whole kroner rounded down. */
    public static BigDecimal cap(BigDecimal salary, BigDecimal positionPercent) {
        BigDecimal byPerMille = fullTimeSalary(salary, positionPercent).multiply(PER_MILLE).setScale(0, RoundingMode.DOWN);
        return byPerMille.min(MAX_RATE);
    }
}
