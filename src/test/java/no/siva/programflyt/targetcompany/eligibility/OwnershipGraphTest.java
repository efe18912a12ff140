package no.siva.programflyt.targetcompany.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Category;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Enterprise;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Holding;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Kind;
import org.junit.jupiter.api.Test;

/** The programme guide's §14.1.4–14.1.5 examples and §14.2 public ownership, reproduced. */
class OwnershipGraphTest {

    static Enterprise e(String id, int staff) {
        return Enterprise.of(id, Figures.of(Integer.toString(staff), "0", "0"));
    }

    static Holding h(String owner, String owned, String percent) {
        return Holding.of(owner, owned, percent);
    }

    @Test
    void example1_partnersAtTheirShare() {
        // M owns 38 % of A; M is owned 25 % by C: 100 % of M + 38 % of A + 25 % of C
        var g = new OwnershipGraph(List.of(e("M", 10), e("A", 100), e("C", 40)),
                List.of(h("M", "A", "38"), h("C", "M", "25")));
        var a = g.aggregate("M");
        assertThat(a.category()).isEqualTo(Category.PARTNER);
        assertThat(a.total().workUnits()).isEqualByComparingTo("58");   // 10 + 38 + 10
    }

    @Test
    void example2_linkedInFull() {
        // M owns 51 % of A; M is owned 100 % by C: 100 % of M + 100 % of A + 100 % of C
        var g = new OwnershipGraph(List.of(e("M", 10), e("A", 100), e("C", 40)),
                List.of(h("M", "A", "51"), h("C", "M", "100")));
        var a = g.aggregate("M");
        assertThat(a.category()).isEqualTo(Category.LINKED);
        assertThat(a.total().workUnits()).isEqualByComparingTo("150");
    }

    /** The guide's worked example 3: "34 + 16 + 10 + 75 + 1 + 50 + 49 + 13 = 248". */
    static OwnershipGraph example3() {
        return new OwnershipGraph(
                List.of(e("M", 34), e("A", 25), e("B", 8), e("C", 500), e("D", 10), e("E", 75), e("F", 2),
                        e("G", 36), e("H", 900), e("I", 700), e("J", 50), e("K", 100), e("L", 800)),
                List.of(h("M", "A", "49"),      // partner
                        h("A", "B", "75"),      // linked to the partner: counted at the partner's share
                        h("A", "C", "28"),      // second partner after A: not counted
                        h("D", "M", "65"),      // linked
                        h("E", "D", "100"),     // linked
                        h("E", "F", "39"),      // partner of a linked enterprise
                        h("E", "J", "90"),      // linked
                        h("J", "K", "49"),      // partner of a linked enterprise
                        h("K", "L", "100"),     // linked to that partner: not counted
                        h("G", "E", "35"),      // partner of a linked enterprise
                        h("H", "G", "74"),      // linked to that partner: not counted
                        h("I", "G", "26")));    // partner of a partner: not counted
    }

    @Test
    void example3_gives248() {
        var a = example3().aggregate("M");
        assertThat(a.category()).isEqualTo(Category.LINKED);
        assertThat(a.total().roundedWorkUnits()).isEqualByComparingTo("248");
        assertThat(a.total().workUnits()).isEqualByComparingTo("247.55");   // 34 + 16.17 + 10 + 75 + 0.78 + 50 + 49 + 12.6
        assertThat(a.terms()).extracting(OwnershipGraph.Term::enterpriseId)
                .containsExactlyInAnyOrder("M", "D", "E", "J", "A", "B", "F", "K", "G")
                .doesNotContain("C", "H", "I", "L");
        assertThat(SmeTest.of(a.total()).sme()).isTrue();
    }

    @Test
    void smallOwnersLinkedToEachOther_makeTheTargetLinked() {
        // §14.1.5: A, B and C each own less than 25 % of M, but B owns more than 50 % of A and of C
        var g = new OwnershipGraph(List.of(e("M", 20), e("A", 30), e("B", 40), e("C", 50)),
                List.of(h("A", "M", "20"), h("B", "M", "20"), h("C", "M", "20"), h("B", "A", "60"), h("B", "C", "80")));
        var a = g.aggregate("M");
        assertThat(a.category()).isEqualTo(Category.LINKED);
        assertThat(a.total().workUnits()).isEqualByComparingTo("140");   // 100 % of M + A + B + C
    }

    @Test
    void smallIndependentOwners_leaveTheTargetIndependent() {
        var g = new OwnershipGraph(List.of(e("M", 20), e("A", 30), e("B", 40), e("C", 50)),
                List.of(h("A", "M", "20"), h("B", "M", "20"), h("C", "M", "20")));
        var a = g.aggregate("M");
        assertThat(a.category()).isEqualTo(Category.INDEPENDENT);
        assertThat(a.total().workUnits()).isEqualByComparingTo("20");
    }

    @Test
    void largerOfCapitalAndVotesDecides() {
        var g = new OwnershipGraph(List.of(e("M", 20), e("A", 300)),
                List.of(new Holding("A", "M", new BigDecimal("20"), new BigDecimal("51"))));
        assertThat(g.aggregate("M").category()).isEqualTo(Category.LINKED);
        assertThat(g.aggregate("M").total().workUnits()).isEqualByComparingTo("320");
    }

    @Test
    void exceptedInvestorsAt25To50PercentDoNotMakeAPartner() {
        for (Kind kind : List.of(Kind.PUBLIC_INVESTMENT_OR_VENTURE, Kind.UNIVERSITY_OR_RESEARCH_CENTRE,
                Kind.INSTITUTIONAL_INVESTOR)) {
            var g = new OwnershipGraph(List.of(e("M", 20), new Enterprise("V", "V", Figures.of("900", "0", "0"), kind,
                    null, null, null)), List.of(h("V", "M", "40")));
            assertThat(g.aggregate("M").category()).as(kind.name()).isEqualTo(Category.INDEPENDENT);
        }
        // a business angel only up to EUR 1.25 m
        var angel = new OwnershipGraph(List.of(e("M", 20), new Enterprise("B", "B", Figures.of("900", "0", "0"),
                Kind.BUSINESS_ANGEL, new BigDecimal("1250000"), null, null)), List.of(h("B", "M", "40")));
        assertThat(angel.aggregate("M").category()).isEqualTo(Category.INDEPENDENT);
        var bigAngel = new OwnershipGraph(List.of(e("M", 20), new Enterprise("B", "B", Figures.of("900", "0", "0"),
                Kind.BUSINESS_ANGEL, new BigDecimal("1250001"), null, null)), List.of(h("B", "M", "40")));
        assertThat(bigAngel.aggregate("M").category()).isEqualTo(Category.PARTNER);
        // above 50 % the exception does not apply: the investor controls the target
        var control = new OwnershipGraph(List.of(e("M", 20), new Enterprise("V", "V", Figures.of("900", "0", "0"),
                Kind.PUBLIC_INVESTMENT_OR_VENTURE, null, null, null)), List.of(h("V", "M", "60")));
        assertThat(control.aggregate("M").category()).isEqualTo(Category.LINKED);
    }

    @Test
    void publicOwnership_aloneJointlyDirectOrIndirect() {
        Enterprise municipality = new Enterprise("K", "Storby kommune", Figures.ZERO, Kind.AUTONOMOUS_LOCAL_AUTHORITY,
                null, new BigDecimal("900000000"), 60000);
        Enterprise small = new Enterprise("S", "Lillevik kommune", Figures.ZERO, Kind.AUTONOMOUS_LOCAL_AUTHORITY,
                null, new BigDecimal("9000000"), 2100);
        Enterprise state = Enterprise.ofKind("STAT", Kind.PUBLIC_BODY);
        // jointly: 15 % + 10 %
        var joint = new OwnershipGraph(List.of(e("M", 5), municipality, state),
                List.of(h("K", "M", "15"), h("STAT", "M", "10")));
        assertThat(joint.publicPercent("M")).isEqualByComparingTo("25");
        // indirectly: the municipality controls X (60 %), X owns 30 % of M
        var indirect = new OwnershipGraph(List.of(e("M", 5), e("X", 50), municipality),
                List.of(h("K", "X", "60"), h("X", "M", "30")));
        assertThat(indirect.publicPercent("M")).isEqualByComparingTo("30");
        // the small-municipality exception: 40 % held by a small autonomous authority does not count
        var exception = new OwnershipGraph(List.of(e("M", 5), small), List.of(h("S", "M", "40")));
        assertThat(exception.publicPercent("M")).isZero();
        // a cycle of holdings terminates
        var cycle = new OwnershipGraph(List.of(e("M", 5), e("X", 5), municipality),
                List.of(h("X", "M", "30"), h("M", "X", "60"), h("K", "X", "20")));
        assertThat(cycle.publicPercent("M")).isZero();
    }

    @Test
    void badGraphsAreRefused() {
        assertThatThrownBy(() -> new OwnershipGraph(List.of(e("M", 1)), List.of(h("M", "M", "10"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OwnershipGraph(List.of(e("M", 1)), List.of(h("X", "M", "10"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h("A", "M", "101")).isInstanceOf(IllegalArgumentException.class);
        List<Enterprise> twice = new ArrayList<>(List.of(e("M", 1), e("M", 2)));
        assertThatThrownBy(() -> new OwnershipGraph(twice, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** §6.2 «konsernnivå»: the linked enterprises (more than 50 %), along the graph; not the partners (25–50 %). */
    @Test
    void linkedTo_followsMoreThan50PercentAlongTheGraph_notPartners() {
        var g = new OwnershipGraph(List.of(Enterprise.of("M", Figures.of("6", "1", "1")), Enterprise.of("Mor", Figures.ZERO),
                Enterprise.of("Søster", Figures.ZERO), Enterprise.of("Partner", Figures.ZERO)),
                List.of(Holding.of("Mor", "M", "60"), Holding.of("Mor", "Søster", "51"), Holding.of("Partner", "M", "30")));
        assertThat(g.linkedTo("M")).containsExactlyInAnyOrder("Mor", "Søster");
    }

    @Test
    void theOrgNumberInAnEnterprisesName_isFoundWhenValid() {
        assertThat(OwnershipText.orgNumberIn("Morselskap AS 912 345 742")).contains("912345742");
        assertThat(OwnershipText.orgNumberIn("Morselskap AS (912345742)")).contains("912345742");
        assertThat(OwnershipText.orgNumberIn("Morselskap AS 912345743")).isEmpty();   // fails the check digit
        assertThat(OwnershipText.orgNumberIn("Morselskap AS")).isEmpty();
    }
}
