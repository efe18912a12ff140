package no.siva.programflyt.targetcompany.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Enterprise;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Holding;

/** Properties of the aggregation over random ownership graphs (cycles included). */
class OwnershipGraphProperties {

    @Provide
    Arbitrary<List<Holding>> holdings() {
        Arbitrary<Holding> one = Combinators.combine(
                Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(1, 100))
                .filter((a, b, p) -> !a.equals(b))
                .as((a, b, p) -> Holding.of(name(a), name(b), Integer.toString(p)));
        return one.list().ofMaxSize(12);
    }

    private static String name(int i) {
        return i == 0 ? "M" : "E" + i;
    }

    private static OwnershipGraph graph(List<Holding> holdings, List<Enterprise> extra) {
        List<Enterprise> es = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            es.add(Enterprise.of(name(i), Figures.of(Integer.toString(10 + i * 7), Integer.toString(1000 * i), "0")));
        }
        es.addAll(extra);
        return new OwnershipGraph(es, holdings);
    }

    @Property(tries = 300)
    void anIndependentShareholderBelow25PercentNeverChangesTheResult(@ForAll("holdings") List<Holding> holdings,
                                                                     @ForAll @IntRange(min = 1, max = 24) int percent) {
        var before = graph(holdings, List.of()).aggregate("M");
        List<Holding> more = new ArrayList<>(holdings);
        more.add(Holding.of("NEW", "M", Integer.toString(percent)));
        var after = graph(more, List.of(Enterprise.of("NEW", Figures.of("5000", "1", "1")))).aggregate("M");
        assertThat(after.total()).isEqualTo(before.total());
        assertThat(after.category()).isEqualTo(before.category());
    }

    @Property(tries = 300)
    void theTargetAlwaysCountsInFullAndNothingCountsTwice(@ForAll("holdings") List<Holding> holdings) {
        var a = graph(holdings, List.of()).aggregate("M");
        assertThat(a.terms().get(0).enterpriseId()).isEqualTo("M");
        assertThat(a.terms()).extracting(OwnershipGraph.Term::enterpriseId).doesNotHaveDuplicates();
        assertThat(a.total().workUnits()).isGreaterThanOrEqualTo(BigDecimal.TEN);
        assertThat(a.terms()).allSatisfy(t -> assertThat(t.share()).isBetween(new BigDecimal("0.25"),
                BigDecimal.ONE));
    }

    @Property(tries = 200)
    void publicShareIsAPercentage(@ForAll("holdings") List<Holding> holdings) {
        List<Holding> withState = new ArrayList<>(holdings);
        withState.add(Holding.of("STAT", "E1", "60"));
        var g = graph(withState, List.of(Enterprise.ofKind("STAT", OwnershipGraph.Kind.PUBLIC_BODY)));
        assertThat(g.publicPercent("M")).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
    }
}
