package no.siva.programflyt.differentiation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A round computed by hand, from values to groups, for eight operators A–H (round 2026, report years 2023–2025), with
 * the catalogue's own definitions and default bandings for six indicators: the number of companies (the value itself),
 * its change over the three report years, a KTU mean, an ambition attainment, an export share and a KTU assessment of
 * growth -- every one but the number of companies scored against the programme level (guide §15.2: «Resultatene for
 * den enkelte næringshage/inkubator sammenlignes med programnivået, med unntak av antall bedrifter»; «… benyttes for
 * sist tilgjengelige rapportår, samt for å se endring de tre siste rapportårene»).
 */
class HandComputedRoundTest {

    private static final Set<String> CODES = Set.of("akt.bedrifter", "akt.bedrifter-endring", "ktu.tilfredshet",
            "bk.srl-mal", "eks.eksport", "vekst.omsetning-ktu");
    private static final List<Indicator> INDICATORS = IndicatorCatalogue.defaults().stream()
            .filter(i -> CODES.contains(i.code())).toList();
    private static final String[] NAMES = {"A", "B", "C", "D", "E", "F", "G", "H"};

    //                                          A     B     C     D     E     F     G     H
    private static final double[] COMPANIES = {30, 20, 15, 12, 10, 25, 7, 18};
    private static final double[] COMPANIES_2023 = {24, 20, 12, 15, 10, 20, 5, 16};
    private static final double[] KTU = {4.6, 4.2, 4.0, 3.9, 4.4, 3.5, 4.1, 4.3};
    private static final double[] SRL_ATTAINMENT = {1.2, 0.9, 1.0, 0.4, 1.1, 0.8, 0.5, 1.1};
    private static final double[] EXPORT = {40, 20, 30, 10, 25, 50, 5, 20};
    private static final double[] GROWTH_KTU = {4.0, 3.6, 4.2, 3.0, 3.8, 4.4, 3.2, 3.8};

    /** Each operator's values by report year: 2025 as above; 2023 the same but for the changes named. */
    private static Map<Integer, Map<String, BigDecimal>> years(int o) {
        Map<String, BigDecimal> latest = new HashMap<>();
        latest.put("akt.bedrifter", bd(COMPANIES[o]));
        latest.put("ktu.tilfredshet", bd(KTU[o]));
        latest.put("bk.srl-mal", bd(SRL_ATTAINMENT[o]));
        latest.put("eks.eksport", bd(EXPORT[o]));
        latest.put("vekst.omsetning-ktu", bd(GROWTH_KTU[o]));
        Map<String, BigDecimal> first = new HashMap<>(latest);
        first.put("akt.bedrifter", bd(COMPANIES_2023[o]));
        if (o == 6) {   // G: better on everything than in 2023
            first.put("ktu.tilfredshet", bd(3.6));
            first.put("bk.srl-mal", bd(0.3));
            first.put("eks.eksport", bd(2));
            first.put("vekst.omsetning-ktu", bd(2.9));
        }
        if (o == 7) {   // H: weaker on satisfaction, sustainability and export than in 2023
            first.put("ktu.tilfredshet", bd(4.8));
            first.put("bk.srl-mal", bd(1.5));
            first.put("eks.eksport", bd(30));
        }
        return Map.of(2023, first, 2025, latest);
    }

    private static BigDecimal bd(double v) {
        return new BigDecimal(Double.toString(v));
    }

    private static Map<String, ScoringEngine.Result> score() {
        List<ScoringEngine.OperatorData> data = new ArrayList<>();
        for (int o = 0; o < 8; o++) {
            data.add(new ScoringEngine.OperatorData(o + 1, NAMES[o], ThreeYears.scored(INDICATORS, years(o), 2025)));
        }
        Map<String, ScoringEngine.Result> byName = new LinkedHashMap<>();
        new ScoringEngine(INDICATORS, WeightModel.NH).score(data).forEach(r -> byName.put(r.name(), r));
        return byName;
    }

    @Test
    void theThreeYearChangeIsComputedFromTheStoredYears() {
        // (30 − 24) / 24 = +25 %; G (7 − 5) / 5 = +40 %; D (12 − 15) / 15 = −20 %
        assertThat(ThreeYears.scored(INDICATORS, years(0), 2025).get("akt.bedrifter-endring")).isEqualByComparingTo("25.0");
        assertThat(ThreeYears.scored(INDICATORS, years(6), 2025).get("akt.bedrifter-endring")).isEqualByComparingTo("40.0");
        assertThat(ThreeYears.scored(INDICATORS, years(3), 2025).get("akt.bedrifter-endring")).isEqualByComparingTo("-20.0");
        assertThat(ThreeYears.reportYears(2026)).containsExactly(2023, 2024, 2025);
    }

    /**
     * By hand:
     * <pre>
     * companies (value itself, 8/12/18/25):      A 5  B 4  C 3  D 3  E 2  F 5  G 1  H 4
     * change % (+25 0 +25 −20 0 +25 +40 +12.5, programme +13.4375; distance −10/−3/3/10):
     *                                             A 5  B 1  C 5  D 1  E 1  F 5  G 5  H 3
     * Activity (mean):                            5   2.5  4    2   1.5  5    3   3.5
     * KTU (programme 4.125; distance −0.5/−0.2/0.2/0.5):
     *                                             A 4  B 3  C 3  D 2  E 4  F 1  G 3  H 3
     * SRL attainment (programme 0.875; ratio 0.5/0.8/1.2/1.5):
     *                                             A 4  B 3  C 3  D 1  E 4  F 3  G 2  H 4
     * export % (programme 25; ratio):             A 5  B 3  C 4  D 1  E 3  F 5  G 1  H 3
     * growth KTU (programme 3.75; distance):      A 4  B 3  C 4  D 1  E 3  F 5  G 1  H 3
     * weighted NH 30/25/20/10/15:  A 4.40  B 2.85  C 3.55  D 1.55  E 3.00  F 3.60  G 2.30  H 3.35
     * unweighted:                  A 22    B 14.5  C 18    D 7     E 15.5  F 19    G 10    H 16.5
     * ranks A F C H E B G D -> groups ceil(rank / 2): A 1, F 1, C 2, H 2, E 3, B 3, G 4, D 4
     * </pre>
     */
    @Test
    void eightOperators_fromValuesToGroups() {
        Map<String, ScoringEngine.Result> r = score();
        String[] activity = {"5", "2.5", "4", "2", "1.5", "5", "3", "3.5"};
        String[] satisfaction = {"4", "3", "3", "2", "4", "1", "3", "3"};
        String[] sustainability = {"4", "3", "3", "1", "4", "3", "2", "4"};
        String[] export = {"5", "3", "4", "1", "3", "5", "1", "3"};
        String[] growth = {"4", "3", "4", "1", "3", "5", "1", "3"};
        String[] weighted = {"4.40", "2.85", "3.55", "1.55", "3.00", "3.60", "2.30", "3.35"};
        String[] unweighted = {"22", "14.5", "18", "7", "15.5", "19", "10", "16.5"};
        int[] total = {1, 3, 2, 4, 3, 1, 4, 2};
        for (int o = 0; o < 8; o++) {
            ScoringEngine.Result x = r.get(NAMES[o]);
            assertThat(x.criterionScores().get(Criterion.ACTIVITY)).as(NAMES[o]).isEqualByComparingTo(activity[o]);
            assertThat(x.criterionScores().get(Criterion.SATISFACTION)).as(NAMES[o]).isEqualByComparingTo(satisfaction[o]);
            assertThat(x.criterionScores().get(Criterion.SUSTAINABILITY)).as(NAMES[o]).isEqualByComparingTo(sustainability[o]);
            assertThat(x.criterionScores().get(Criterion.EXPORT)).as(NAMES[o]).isEqualByComparingTo(export[o]);
            assertThat(x.criterionScores().get(Criterion.GROWTH)).as(NAMES[o]).isEqualByComparingTo(growth[o]);
            assertThat(x.weighted()).as(NAMES[o]).isEqualByComparingTo(weighted[o]);
            assertThat(x.unweighted()).as(NAMES[o]).isEqualByComparingTo(unweighted[o]);
            assertThat(x.totalGroup()).as(NAMES[o]).isEqualTo(total[o]);
        }
        // per criterion, ties share the better group: activity 5 5 | 4 3.5 | 3 2.5 | 2 1.5
        int[] activityGroups = {1, 3, 2, 4, 4, 1, 3, 2};
        // satisfaction 4 4 (rank 1) | 3 3 3 3 (rank 3) | 2 (rank 7) | 1 (rank 8)
        int[] satisfactionGroups = {1, 2, 2, 4, 1, 4, 2, 2};
        for (int o = 0; o < 8; o++) {
            assertThat(r.get(NAMES[o]).groups().get(Criterion.ACTIVITY)).as(NAMES[o]).isEqualTo(activityGroups[o]);
            assertThat(r.get(NAMES[o]).groups().get(Criterion.SATISFACTION)).as(NAMES[o]).isEqualTo(satisfactionGroups[o]);
        }
        // the programme levels the page shows beside each value
        ScoringEngine.IndicatorScore ktuOfA = r.get("A").indicators().stream()
                .filter(s -> s.indicator().code().equals("ktu.tilfredshet")).findFirst().orElseThrow();
        assertThat(ktuOfA.programmeLevel()).isEqualByComparingTo("4.125");
        assertThat(ktuOfA.compared()).isEqualByComparingTo("0.475");
        ScoringEngine.IndicatorScore companiesOfA = r.get("A").indicators().stream()
                .filter(s -> s.indicator().code().equals("akt.bedrifter")).findFirst().orElseThrow();
        assertThat(companiesOfA.programmeLevel()).isNull();   // «med unntak av antall bedrifter»
    }

    /**
     * §6.6 «flere områder med negativ utvikling», from development, not rank: G is in the lowest group but better on
     * everything than in 2023 (not raised); H is in group 2 but weaker on satisfaction, sustainability and export
     * (three criteria: raised at the default threshold of two); D lost companies (one criterion: not raised).
     */
    @Test
    void negativeDevelopment_notTheLowestGroup_raisesTheFollowUp() {
        Map<String, ScoringEngine.Result> r = score();
        assertThat(r.get("G").totalGroup()).isEqualTo(4);
        assertThat(r.get("H").totalGroup()).isEqualTo(2);
        BigDecimal tolerance = new BigDecimal("5");
        List<Criterion> g = Development.negative(Development.of(INDICATORS,
                ThreeYears.changes(INDICATORS, years(6), 2025), tolerance));
        List<Criterion> h = Development.negative(Development.of(INDICATORS,
                ThreeYears.changes(INDICATORS, years(7), 2025), tolerance));
        List<Criterion> d = Development.negative(Development.of(INDICATORS,
                ThreeYears.changes(INDICATORS, years(3), 2025), tolerance));
        assertThat(g).isEmpty();
        assertThat(h).containsExactly(Criterion.SATISFACTION, Criterion.SUSTAINABILITY, Criterion.EXPORT);
        assertThat(d).containsExactly(Criterion.ACTIVITY);
        // a change within the tolerance is no change: 4.8 -> 4.6 is 4.2 % of 4.8
        Map<Integer, Map<String, BigDecimal>> small = Map.of(2023, Map.of("ktu.tilfredshet", bd(4.8)),
                2025, Map.of("ktu.tilfredshet", bd(4.6)));
        assertThat(Development.negative(Development.of(INDICATORS, ThreeYears.changes(INDICATORS, small, 2025), tolerance)))
                .isEmpty();
    }
}
