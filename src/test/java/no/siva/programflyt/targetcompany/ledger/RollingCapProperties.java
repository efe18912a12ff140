package no.siva.programflyt.targetcompany.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any order of grants over a group's companies, each accepted only when it fits the room {@link RollingCap}
 * leaves, the group's aid in any three-year window never exceeds the cap in force at the window's end (EUR 200 000
 * before 06.01.2025, EUR 220 000 from it).
 */
class RollingCapProperties {

    static final AidCaps CAPS = AidCaps.of(Map.of(LocalDate.of(2014, 7, 1), new BigDecimal("200000"),
            LocalDate.of(2025, 1, 6), new BigDecimal("220000")));

    record Attempt(int company, LocalDate date, BigDecimal eur) {}

    @Provide
    Arbitrary<List<Attempt>> attempts() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 365 * 8)
                .map(d -> LocalDate.of(2022, 1, 1).plusDays(d));
        Arbitrary<BigDecimal> amounts = Arbitraries.integers().between(1, 120).map(k -> BigDecimal.valueOf(k * 1000L));
        return Combinators.combine(Arbitraries.integers().between(0, 3), dates, amounts).as(Attempt::new)
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 500)
    void noThreeYearWindowOfTheGroupPassesTheCapInForce(@ForAll("attempts") List<Attempt> attempts) {
        List<RollingCap.Grant> granted = new ArrayList<>();   // the group's: every company's grants count together
        for (Attempt a : attempts) {
            if (a.eur().compareTo(RollingCap.headroom(granted, a.date(), CAPS)) <= 0) {
                granted.add(new RollingCap.Grant(a.date(), a.eur()));
            }
        }
        // checked by hand, not by RollingCap: every window (end − 3 years, end], for every day as its end
        for (LocalDate end = LocalDate.of(2022, 1, 1); end.isBefore(LocalDate.of(2033, 1, 1)); end = end.plusDays(1)) {
            assertThat(windowSum(granted, end)).as("window ending %s", end).isLessThanOrEqualTo(CAPS.inForce(end));
        }
    }

    /** The aid of the three years ending on {@code end}: after the same day three years before, up to {@code end}. */
    private static BigDecimal windowSum(List<RollingCap.Grant> grants, LocalDate end) {
        LocalDate after = end.minusYears(3);
        BigDecimal sum = BigDecimal.ZERO;
        for (RollingCap.Grant g : grants) {
            if (g.date().isAfter(after) && !g.date().isAfter(end)) {
                sum = sum.add(g.eur());
            }
        }
        return sum;
    }

    @Property(tries = 200)
    void aGrantThatFitsTheRoomIsNeverRefusedByTheWindowItself(@ForAll("attempts") List<Attempt> attempts) {
        List<RollingCap.Grant> granted = new ArrayList<>();
        for (Attempt a : attempts) {
            BigDecimal room = RollingCap.headroom(granted, a.date(), CAPS);
            if (room.signum() > 0) {
                granted.add(new RollingCap.Grant(a.date(), room.min(a.eur())));
                assertThat(RollingCap.used(granted, a.date())).isLessThanOrEqualTo(CAPS.inForce(a.date()));
            }
        }
    }
}
