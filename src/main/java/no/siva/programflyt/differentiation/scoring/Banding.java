package no.siva.programflyt.differentiation.scoring;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * How a value becomes a score 1–5 (the guide gives only the scale, «en score fra 1 til 5 der 1 er dårligst og 5 er
 * best»): four ascending cut points. With {@code higherIsBetter}, a value at or above the k-th cut point scores k + 1;
 * otherwise the scale is reversed. The value banded is what the indicator's {@link Comparison} makes of it: the ratio
 * to the programme level (1 = on the level), the distance from it (0 = on the level) or, for the number of companies,
 * the value itself.
 */
public record Banding(List<BigDecimal> cutPoints, boolean higherIsBetter) {

    /** Ratio to the programme level: below half 1, half 2, 0.8 3, 1.2 4, 1.5 and above 5. */
    public static final Banding RELATIVE = of(true, "0.5", "0.8", "1.2", "1.5");
    /** A KTU mean's distance from the programme level in points of the 1–5 scale. */
    public static final Banding KTU = of(true, "-0.5", "-0.2", "0.2", "0.5");
    /** A three-year change's distance from the programme's change in percentage points. */
    public static final Banding CHANGE = of(true, "-10", "-3", "3", "10");

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
        return new Banding(Arrays.stream(cuts).map(BigDecimal::new).toList(), higherIsBetter);
    }

    /** The cut points as a project leader types them: "0,5; 0,8; 1,2; 1,5". */
    public String text() {
        return String.join("; ", cutPoints.stream().map(c -> c.stripTrailingZeros().toPlainString().replace('.', ',')).toList());
    }

    public int score(BigDecimal value) {
        int reached = (int) cutPoints.stream().filter(c -> value.compareTo(c) >= 0).count();
        return higherIsBetter ? reached + 1 : 5 - reached;
    }
}
