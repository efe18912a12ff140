package no.siva.programflyt.differentiation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scoring engine against hand-computed fixtures (guide §7.2, §15.2, §15.3.2). */
class ScoringEngineTest {

    /** One absolute indicator per criterion on the 1–5 scale itself (cut points 2, 3, 4, 5), so a value is its score. */
    private static final Banding IDENTITY = Banding.of(true, "2", "3", "4", "5");

    private static List<Indicator> onePerCriterion() {
        List<Indicator> list = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            list.add(Indicator.of(c.name(), c, c.label(), "test", Comparison.ABSOLUTE, false, IDENTITY));
        }
        return list;
    }

    private static ScoringEngine.OperatorData op(long id, int... perCriterion) {
        Map<String, BigDecimal> v = new HashMap<>();
        for (Criterion c : Criterion.values()) {
            v.put(c.name(), BigDecimal.valueOf(perCriterion[c.ordinal()]));
        }
        return new ScoringEngine.OperatorData(id, "Operatør " + id, v);
    }

    private static ScoringEngine.Result of(List<ScoringEngine.Result> results, long id) {
        return results.stream().filter(r -> r.operatorId() == id).findFirst().orElseThrow();
    }

    @Test
    void weightsAreAppliedExactly_forBusinessGardensAndIncubators() {
        // criteria 4, 3, 5, 2, 1: NH = 1.20 + 0.75 + 1.00 + 0.20 + 0.15 = 3.30; INK = 1.20 + 0.75 + 0.75 + 0.30 + 0.15 = 3.15
        var nh = new ScoringEngine(onePerCriterion(), WeightModel.NH).score(List.of(op(1, 4, 3, 5, 2, 1)));
        var ink = new ScoringEngine(onePerCriterion(), WeightModel.INK).score(List.of(op(1, 4, 3, 5, 2, 1)));
        assertThat(nh.get(0).unweighted()).isEqualByComparingTo("15");
        assertThat(nh.get(0).weighted()).isEqualByComparingTo("3.30");
        assertThat(ink.get(0).weighted()).isEqualByComparingTo("3.15");
        assertThatThrownBy(() -> WeightModel.of("X", "0.30", "0.25", "0.20", "0.10", "0.10"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void totalsStayWithinFiveToTwentyFiveAndOneToFive() {
        var r = new ScoringEngine(onePerCriterion(), WeightModel.NH).score(List.of(op(1, 1, 1, 1, 1, 1), op(2, 5, 5, 5, 5, 5)));
        assertThat(of(r, 1).unweighted()).isEqualByComparingTo("5");
        assertThat(of(r, 1).weighted()).isEqualByComparingTo("1.00");
        assertThat(of(r, 2).unweighted()).isEqualByComparingTo("25");
        assertThat(of(r, 2).weighted()).isEqualByComparingTo("5.00");
    }

    @Test
    void aCriterionIsTheMeanOfItsIndicators_withoutTheSupportingOnes() {
        List<Indicator> list = new ArrayList<>(onePerCriterion());
        list.add(Indicator.of("ACTIVITY2", Criterion.ACTIVITY, "Andel nye opptak", "FBP", Comparison.ABSOLUTE, false, IDENTITY));
        list.add(
                Indicator.of("QL", Criterion.ACTIVITY, "Rekruttering (Quantum Leap)", "Quantum Leap", Comparison.ABSOLUTE, true, IDENTITY));
        ScoringEngine.OperatorData o = op(1, 4, 3, 3, 3, 3);
        o.values().put("ACTIVITY2", BigDecimal.valueOf(1));
        o.values().put("QL", BigDecimal.valueOf(5));
        var r = new ScoringEngine(list, WeightModel.NH).score(List.of(o)).get(0);
        assertThat(r.criterionScores().get(Criterion.ACTIVITY)).isEqualByComparingTo("2.50");   // (4 + 1) / 2, not (4 + 1 + 5) / 3
        assertThat(r.indicators()).filteredOn(s -> s.indicator().code().equals("QL")).singleElement()
                .satisfies(s -> assertThat(s.score()).isEqualTo(5));   // shown, not counted
    }

    @Test
    void quartileGroups_forNNotDivisibleByFour() {
        // N = 10, ranks 1..10: rank/N = .1 .2 | .3 .4 .5 | .6 .7 | .8 .9 1.0
        assertThat(groupsOf(10)).containsExactly(1, 1, 2, 2, 2, 3, 3, 4, 4, 4);
        // N = 7: .14 | .29 .43 | .57 .71 | .86 1.0
        assertThat(groupsOf(7)).containsExactly(1, 2, 2, 3, 3, 4, 4);
        assertThat(groupsOf(4)).containsExactly(1, 2, 3, 4);
    }

    private static List<Integer> groupsOf(int n) {
        List<Integer> g = new ArrayList<>();
        for (int rank = 1; rank <= n; rank++) {
            g.add(ScoringEngine.group(rank, n));
        }
        return g;
    }

    @Test
    void tiesShareTheBetterGroup() {
        // weighted totals 5, 4, 4, 4, 3, 2, 2, 1 (all criteria equal): ranks 1, 2, 2, 2, 5, 6, 6, 8 of 8 -> ceil(rank / 2)
        int[] totals = {5, 4, 4, 4, 3, 2, 2, 1};
        List<ScoringEngine.OperatorData> ops = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            int t = totals[i];
            ops.add(op(i + 1, t, t, t, t, t));
        }
        var r = new ScoringEngine(onePerCriterion(), WeightModel.NH).score(ops);
        int[] expected = {1, 1, 1, 1, 3, 3, 3, 4};
        for (int i = 0; i < totals.length; i++) {
            assertThat(of(r, i + 1).totalGroup()).as("operator %d", i + 1).isEqualTo(expected[i]);
            assertThat(of(r, i + 1).groups().get(Criterion.GROWTH)).isEqualTo(expected[i]);
        }
    }

    @Test
    void aBandingChangeChangesTheGroupsAsExpected() {
        // activity compared with the programme level: values 10, 20, 30, 40 -> level 25 -> ratios 0.4, 0.8, 1.2, 1.6
        List<Indicator> list = new ArrayList<>(onePerCriterion());
        list.set(0, Indicator.of("ACTIVITY", Criterion.ACTIVITY, "Aktive bedrifter", "FBP", Comparison.RATIO, false, Banding.RELATIVE));
        List<ScoringEngine.OperatorData> ops = new ArrayList<>();
        int[] values = {10, 20, 30, 40};
        for (int i = 0; i < 4; i++) {
            ScoringEngine.OperatorData o = op(i + 1, 0, 3, 3, 3, 3);
            o.values().put("ACTIVITY", BigDecimal.valueOf(values[i]));
            ops.add(o);
        }
        var before = new ScoringEngine(list, WeightModel.NH).score(ops);
        // default banding 0.5 / 0.8 / 1.2 / 1.5: scores 1, 3, 4, 5 -> groups 4, 3, 2, 1
        assertThat(List.of(1, 2, 3, 4).stream().map(id -> of(before, id).criterionScores().get(Criterion.ACTIVITY).intValue()))
                .containsExactly(1, 3, 4, 5);
        assertThat(List.of(1, 2, 3, 4).stream().map(id -> of(before, id).groups().get(Criterion.ACTIVITY)))
                .containsExactly(4, 3, 2, 1);
        // a gentler banding 0.3 / 0.6 / 0.9 / 1.8: scores 2, 3, 4, 4 -> the two best tie and share group 1
        list.set(0, Indicator.of("ACTIVITY", Criterion.ACTIVITY, "Aktive bedrifter", "FBP", Comparison.RATIO, false,
                Banding.of(true, "0.3", "0.6", "0.9", "1.8")));
        var after = new ScoringEngine(list, WeightModel.NH).score(ops);
        assertThat(List.of(1, 2, 3, 4).stream().map(id -> of(after, id).groups().get(Criterion.ACTIVITY)))
                .containsExactly(4, 3, 1, 1);
        assertThat(of(after, 3).weighted()).isEqualByComparingTo(of(after, 4).weighted());
        assertThat(of(after, 3).totalGroup()).isEqualTo(1);
    }

    @Test
    void anOperatorWithoutDataForACriterionIsNotRanked() {
        ScoringEngine.OperatorData missing = op(9, 3, 3, 3, 3, 3);
        missing.values().remove(Criterion.EXPORT.name());
        var r = new ScoringEngine(onePerCriterion(), WeightModel.NH).score(List.of(op(1, 4, 4, 4, 4, 4), missing));
        assertThat(of(r, 9).complete()).isFalse();
        assertThat(of(r, 9).totalGroup()).isNull();
        assertThat(of(r, 1).totalGroup()).isNotNull();
        assertThat(r.get(r.size() - 1).operatorId()).isEqualTo(9);
    }
}
