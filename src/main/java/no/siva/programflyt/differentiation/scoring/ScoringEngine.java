package no.siva.programflyt.differentiation.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores every operator of a round (guide §7.2, §15.2, §15.3.2): each indicator 1–5 by its banding, a criterion's
 * score as the mean of its non-supporting indicators, the unweighted total (5–25), the weighted total (1–5), and the
 * four result groups per criterion and for the weighted total.
 *
 * <p>Result groups: operators are ranked best first; tied operators share the best rank among them (1, 2, 2, 2, 5,
 * ...); an operator of rank r among N is in group ceil(4 r / N), so group 1 is the best 25 %, 2 the next 26–50 %,
 * and so on, and ties share the better group (DETAIL §9 #10). An operator without any value for a criterion is not
 * ranked (its groups are empty) and is named as incomplete.
 */
public final class ScoringEngine {

    /** An operator's raw values, indicator code to value; a missing code is not scored. */
    public record OperatorData(long operatorId, String name, Map<String, BigDecimal> values) {}

    /**
     * One indicator's score: its value, the programme level it was set against (null for the number of companies and
     * the supporting rows), what the comparison made of it (the ratio or the distance), and the 1–5 score.
     */
    public record IndicatorScore(Indicator indicator, BigDecimal value, BigDecimal programmeLevel, BigDecimal compared,
                                 Integer score) {}

    public record Result(long operatorId, String name, List<IndicatorScore> indicators,
                         Map<Criterion, BigDecimal> criterionScores, BigDecimal unweighted, BigDecimal weighted,
                         Map<Criterion, Integer> groups, Integer totalGroup) {
        public boolean complete() {
            return weighted != null;
        }

        /** The criteria without a single scored value: why an operator is not ranked. */
        public List<Criterion> missing() {
            return Arrays.stream(Criterion.values()).filter(c -> !criterionScores.containsKey(c)).toList();
        }
    }

    private final List<Indicator> indicators;
    private final WeightModel weights;

    public ScoringEngine(Method method) {
        this(method.indicators(), method.weights());
    }

    public ScoringEngine(List<Indicator> indicators, WeightModel weights) {
        this.indicators = List.copyOf(indicators);
        this.weights = weights;
    }

    public List<Result> score(List<OperatorData> operators) {
        Map<String, BigDecimal> level = programmeLevels(operators);
        List<Result> partial = new ArrayList<>();
        for (OperatorData o : operators) {
            List<IndicatorScore> scores = new ArrayList<>();
            Map<Criterion, List<Integer>> byCriterion = new EnumMap<>(Criterion.class);
            for (Indicator i : indicators) {
                BigDecimal v = o.values().get(i.code());
                Integer s = null;
                if (v != null) {
                    s = i.banding().score(basis(i, v, level.get(i.code())));
                    if (!i.supporting()) {
                        byCriterion.computeIfAbsent(i.criterion(), c -> new ArrayList<>()).add(s);
                    }
                }
                boolean compared = i.comparison() != Comparison.ABSOLUTE;
                scores.add(new IndicatorScore(i, v, compared ? level.get(i.code()) : null,
                        v == null || !compared ? null : basis(i, v, level.get(i.code())), s));
            }
            Map<Criterion, BigDecimal> criterion = new EnumMap<>(Criterion.class);
            byCriterion.forEach((c, list) -> criterion.put(c, BigDecimal.valueOf(list.stream().mapToInt(Integer::intValue).sum())
                    .divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP)));
            BigDecimal unweighted = null;
            BigDecimal weighted = null;
            if (criterion.size() == Criterion.values().length) {
                unweighted = criterion.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                weighted = BigDecimal.ZERO;
                for (Criterion c : Criterion.values()) {
                    weighted = weighted.add(criterion.get(c).multiply(weights.weight(c)));
                }
                weighted = weighted.setScale(2, RoundingMode.HALF_UP);
            }
            partial.add(new Result(o.operatorId(), o.name(), scores, criterion, unweighted, weighted,
                    new EnumMap<>(Criterion.class), null));
        }
        List<Result> complete = partial.stream().filter(Result::complete).toList();
        Map<Long, Integer> total = groups(complete, Result::weighted);
        Map<Criterion, Map<Long, Integer>> perCriterion = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            perCriterion.put(c, groups(complete, r -> r.criterionScores().get(c)));
        }
        List<Result> results = new ArrayList<>();
        for (Result r : partial) {
            Map<Criterion, Integer> g = new EnumMap<>(Criterion.class);
            perCriterion.forEach((c, m) -> {
                if (m.containsKey(r.operatorId())) {
                    g.put(c, m.get(r.operatorId()));
                }
            });
            results.add(new Result(r.operatorId(), r.name(), r.indicators(), r.criterionScores(), r.unweighted(),
                    r.weighted(), g, total.get(r.operatorId())));
        }
        results.sort(Comparator.comparing(Result::weighted, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Result::name));
        return results;
    }

    /**
     * What an indicator's comparison makes of a value (guide §15.2: «sammenlignes med programnivået, med unntak av
     * antall bedrifter»): the ratio to the programme level (a level of 0 counts as on the level), the distance from it,
     * or the value itself.
     */
    static BigDecimal basis(Indicator i, BigDecimal v, BigDecimal level) {
        return switch (i.comparison()) {
            case ABSOLUTE -> v;
            case RATIO -> level == null || level.signum() == 0 ? BigDecimal.ONE : v.divide(level, 6, RoundingMode.HALF_UP);
            case DIFFERENCE -> level == null ? BigDecimal.ZERO : v.subtract(level);
        };
    }

    /** The programme level of each indicator: the mean over the operators that have a value. */
    private Map<String, BigDecimal> programmeLevels(List<OperatorData> operators) {
        Map<String, BigDecimal> level = new HashMap<>();
        for (Indicator i : indicators) {
            List<BigDecimal> values = operators.stream().map(o -> o.values().get(i.code())).filter(v -> v != null).toList();
            level.put(i.code(), values.isEmpty() ? BigDecimal.ZERO : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(values.size()), 6, RoundingMode.HALF_UP));
        }
        return level;
    }

    /** Result groups by the quartile rule with shared best rank on ties (see the class comment). */
    static Map<Long, Integer> groups(List<Result> ranked, Function<Result, BigDecimal> score) {
        List<Result> sorted = ranked.stream().sorted(Comparator.comparing(score, Comparator.reverseOrder())).toList();
        Map<Long, Integer> groups = new HashMap<>();
        int n = sorted.size();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < n; i++) {
            BigDecimal s = score.apply(sorted.get(i));
            if (previous == null || s.compareTo(previous) != 0) {
                rank = i + 1;
                previous = s;
            }
            groups.put(sorted.get(i).operatorId(), group(rank, n));
        }
        return groups;
    }

    /** Group 1–4 of rank r (1 = best) among n: ceil(4 r / n). */
    public static int group(int rank, int n) {
        return Math.max(1, Math.min(4, (4 * rank + n - 1) / n));
    }
}
