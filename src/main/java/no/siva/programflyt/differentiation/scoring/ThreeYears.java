package no.siva.programflyt.differentiation.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three report years behind a round (guide §15.2: «Alle indikatorene … benyttes for sist tilgjengelige rapportår,
 * samt for å se endring de tre siste rapportårene»): an operator's values by report year become the values scored (the
 * latest report year's) and each indicator's change from the earliest of the three years with a value.
 */
public final class ThreeYears {

    /** An indicator's change from {@code fromYear} to the latest report year, in its own unit. */
    public record Change(String code, int fromYear, BigDecimal from, int toYear, BigDecimal to) {
        public BigDecimal delta() {
            return to.subtract(from);
        }

        /** The change in percent of the earlier value; null when that was 0. */
        public BigDecimal percent() {
            return from.signum() == 0 ? null
                    : to.subtract(from).multiply(BigDecimal.valueOf(100)).divide(from.abs(), 1, RoundingMode.HALF_UP);
        }
    }

    private ThreeYears() {}

    /** The report years of a round held in {@code roundYear}: the three before it, the latest last. */
    public static List<Integer> reportYears(int roundYear) {
        return List.of(roundYear - 3, roundYear - 2, roundYear - 1);
    }

    /**
     * The values scored: the latest report year's, and each change indicator computed as the percent change of the
     * indicator it follows (null when the earlier value is missing or 0).
     */
    public static Map<String, BigDecimal> scored(List<Indicator> indicators, Map<Integer, Map<String, BigDecimal>> byYear,
                                                 int latestYear) {
        Map<String, BigDecimal> latest = new HashMap<>(byYear.getOrDefault(latestYear, Map.of()));
        Map<String, Change> changes = changes(indicators, byYear, latestYear);
        for (Indicator i : indicators) {
            if (i.isChange()) {
                latest.remove(i.code());
                Change c = changes.get(i.changeOf());
                if (c != null && c.percent() != null) {
                    latest.put(i.code(), c.percent());
                }
            }
        }
        return latest;
    }

    /** Each indicator's change from the earliest of the three report years with a value to the latest one. */
    public static Map<String, Change> changes(List<Indicator> indicators, Map<Integer, Map<String, BigDecimal>> byYear,
                                              int latestYear) {
        Map<String, Change> m = new LinkedHashMap<>();
        Map<String, BigDecimal> latest = byYear.getOrDefault(latestYear, Map.of());
        for (Indicator i : indicators) {
            BigDecimal to = latest.get(i.code());
            if (to == null || i.isChange()) {
                continue;
            }
            for (int y = latestYear - 2; y < latestYear; y++) {
                BigDecimal from = byYear.getOrDefault(y, Map.of()).get(i.code());
                if (from != null) {
                    m.put(i.code(), new Change(i.code(), y, from, latestYear, to));
                    break;
                }
            }
        }
        return m;
    }
}
