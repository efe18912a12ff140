package no.siva.programflyt.differentiation.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Economic soundness (guide §15.2.6): a flag, never ranked («blir ikke brukt til å sammenligne inkubatorene og
 * næringshagene»), from the six figures the guide names: operating result, operating revenue, headcount, solidity and
 * total equity over the three report years, and the latest bankruptcy prediction from Forvalt.no. The guide names the
 * figures, not when they warn: the thresholds are the method's (README).
 */
public final class Soundness {

    private Soundness() {}

    /** The warnings, in words, for an operator's figures by report year (empty: no warning). */
    public static List<String> warnings(Map<Integer, Map<String, BigDecimal>> byYear, List<Integer> years,
                                        Method.Thresholds t) {
        List<String> w = new ArrayList<>();
        int latest = years.get(years.size() - 1);
        long negative = years.stream().map(y -> value(byYear, y, "sund.driftsresultat"))
                .filter(v -> v != null && v.signum() < 0).count();
        if (negative >= t.soundnessNegativeYears()) {
            w.add("Negativt driftsresultat i " + negative + " av de tre siste årene");
        }
        BigDecimal equity = value(byYear, latest, "sund.egenkapital");
        if (equity != null && equity.signum() < 0) {
            w.add("Negativ egenkapital i " + latest);
        }
        BigDecimal solidity = value(byYear, latest, "sund.soliditet");
        if (solidity != null && solidity.compareTo(t.soundnessMinSolidityPercent()) < 0) {
            w.add("Soliditet under " + plain(t.soundnessMinSolidityPercent()) + " % i " + latest);
        }
        drop(byYear, years, "sund.driftsinntekter", "Driftsinntektene", t).ifPresent(w::add);
        drop(byYear, years, "sund.ansatte", "Antall ansatte", t).ifPresent(w::add);
        BigDecimal risk = years.stream().sorted(Comparator.reverseOrder()).map(y -> value(byYear, y, "sund.konkursrisiko"))
                .filter(v -> v != null).findFirst().orElse(null);
        if (risk != null && risk.compareTo(t.soundnessRiskPercent()) >= 0) {
            w.add("Konkursprediksjon " + plain(risk) + " % (grense " + plain(t.soundnessRiskPercent()) + " %)");
        }
        return w;
    }

    private static Optional<String> drop(Map<Integer, Map<String, BigDecimal>> byYear, List<Integer> years,
                                         String code, String label, Method.Thresholds t) {
        BigDecimal first = value(byYear, years.get(0), code);
        BigDecimal last = value(byYear, years.get(years.size() - 1), code);
        if (first == null || last == null || first.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal fell = first.subtract(last).multiply(BigDecimal.valueOf(100)).divide(first, 1, RoundingMode.HALF_UP);
        return fell.compareTo(t.soundnessDropPercent()) > 0
                ? Optional.of(label + " falt " + plain(fell) + " % fra " + years.get(0) + " til " + years.get(years.size() - 1))
                : Optional.empty();
    }

    private static BigDecimal value(Map<Integer, Map<String, BigDecimal>> byYear, int year, String code) {
        return byYear.getOrDefault(year, Map.of()).get(code);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
