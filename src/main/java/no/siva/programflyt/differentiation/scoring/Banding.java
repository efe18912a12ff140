package no.siva.programflyt.differentiation.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a value becomes a score 1–5 (the guide gives only the scale; DETAIL §9 #10): four ascending cut points. With
 * {@code higherIsBetter}, a value at or above the k-th cut point scores k + 1; otherwise the scale is reversed.
 * For an indicator compared with the programme level the value is the ratio to the programme mean (1 = level).
 */
public record Banding(List<BigDecimal> cutPoints, boolean higherIsBetter) {

    /** Ratio to the programme level: below half 1, half 2, 0.8 3, 1.2 4, 1.5 and above 5. */
    public static final Banding RELATIVE = of(true, "0.5", "0.8", "1.2", "1.5");
    /** A KTU mean on the survey's own 1–5 scale. */
    public static final Banding KTU = of(true, "2.5", "3.25", "4.0", "4.5");

    public Banding {
        if (cutPoints.size() != 4) {
            throw new IllegalArgumentException("four cut points");
        }
        for (int i = 1; i < 4; i++) {
            if (cutPoints.get(i).compareTo(cutPoints.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("cut points must ascend: " + cutPoints);
            }
        }
        cutPoints = List.copyOf(cutPoints);
    }

    public static Banding of(boolean higherIsBetter, String... cuts) {
        return new Banding(java.util.Arrays.stream(cuts).map(BigDecimal::new).toList(), higherIsBetter);
    }

    public int score(BigDecimal value) {
        int reached = (int) cutPoints.stream().filter(c -> value.compareTo(c) >= 0).count();
        return higherIsBetter ? reached + 1 : 5 - reached;
    }
}
