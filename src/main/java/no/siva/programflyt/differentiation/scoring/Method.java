package no.siva.programflyt.differentiation.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * The whole differentiation method of a round: the indicator catalogue with its bandings, the criteria's weights (NH or
 * INK) and the thresholds that turn results into flags. The project leader changes it between rounds; a round freezes
 * the method it was analysed with, so what it decided can always be shown as it was.
 */
public record Method(List<Indicator> indicators, WeightModel weights, Thresholds thresholds) {

    /**
     * @param negativeAreas            this many criteria with negative development raise an extraordinary follow-up (§6.6)
     * @param declineTolerancePercent  a change within this share of the earlier value is no change
     * @param soundnessNegativeYears   a warning when at least this many of the three operating results are negative
     * @param soundnessRiskPercent     a warning when the bankruptcy prediction is at or above this
     * @param soundnessMinSolidityPercent a warning when the latest solidity is below this
     * @param soundnessDropPercent     a warning when operating revenue or headcount fell by more than this over the three years
     */
    public record Thresholds(int negativeAreas, BigDecimal declineTolerancePercent, int soundnessNegativeYears,
                             BigDecimal soundnessRiskPercent, BigDecimal soundnessMinSolidityPercent,
                             BigDecimal soundnessDropPercent) {}

    public Method {
        indicators = List.copyOf(indicators);
    }
}
