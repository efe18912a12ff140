package no.siva.programflyt.targetcompany.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The rolling three-year cap over an undertaking's grants (guide §4.3: «… ikke overstiger 220 000 euro pr foretak i
 * løpet av en treårsperiode …»; §6.2: «Dersom bedriften er del av et konsern, så må støtten regnes på konsernnivå»).
 * A window ends on a grant's date and holds the grants dated after that date minus three years, up to it; the aid in
 * it may not pass the cap in force on its end. Pure, so that it can be tried over any order of grants.
 */
final class RollingCap {

    /** Aid already granted (or declared from other sources) on a date, in EUR. */
    public record Grant(LocalDate date, BigDecimal eur) {}

    private RollingCap() {}

    /** The aid in the three years ending on {@code end}. */
    public static BigDecimal used(Collection<Grant> grants, LocalDate end) {
        LocalDate after = end.minusYears(3);
        return grants.stream().filter(g -> g.date().isAfter(after) && !g.date().isAfter(end)).map(Grant::eur)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * How much may be granted on {@code date}: the least room left in the window ending on it and in every window
     * ending on a later grant that the new one would fall in (a grant entered late must not overfill them).
     */
    public static BigDecimal headroom(Collection<Grant> grants, LocalDate date, AidCaps caps) {
        TreeSet<LocalDate> ends = new TreeSet<>();
        ends.add(date);
        grants.stream().map(Grant::date).filter(d -> d.isAfter(date) && d.isBefore(date.plusYears(3))).forEach(ends::add);
        BigDecimal least = null;
        for (LocalDate end : ends) {
            BigDecimal room = caps.inForce(end).subtract(used(grants, end));
            least = least == null ? room : least.min(room);
        }
        return least;
    }
}
