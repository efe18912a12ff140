package no.siva.programflyt.differentiation.scoring;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The weights of the five criteria (guide §7.2 and §15.2.8): business gardens (NH) 30/25/20/10/15, incubators (INK)
 * 30/25/15/15/15. The weights sum to exactly 1, so the weighted total lies in 1–5.
 */
public record WeightModel(String code, Map<Criterion, BigDecimal> weights) {

    public static final WeightModel NH = of("NH", "0.30", "0.25", "0.20", "0.10", "0.15");
    public static final WeightModel INK = of("INK", "0.30", "0.25", "0.15", "0.15", "0.15");

    public WeightModel {
        if (weights.size() != Criterion.values().length
                || weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("a weight per criterion, summing to 1: " + weights);
        }
        weights = Map.copyOf(weights);
    }

    /** Weights in the order of {@link Criterion}. */
    public static WeightModel of(String code, String... inOrder) {
        Map<Criterion, BigDecimal> w = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            w.put(c, new BigDecimal(inOrder[c.ordinal()]));
        }
        return new WeightModel(code, w);
    }

    public BigDecimal weight(Criterion c) {
        return weights.get(c);
    }
}
