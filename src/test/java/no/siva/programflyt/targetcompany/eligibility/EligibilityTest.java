package no.siva.programflyt.targetcompany.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.siva.programflyt.targetcompany.eligibility.Eligibility.Finding;
import no.siva.programflyt.targetcompany.eligibility.Eligibility.Severity;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Enterprise;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Holding;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Kind;
import org.junit.jupiter.api.Test;

/** Every exclusion and condition of the guide §4.3 and §14.3, one at a time against an eligible company. */
class EligibilityTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final OwnershipGraph ALONE = new OwnershipGraph(List.of(Enterprise.of("M", Figures.of("6", "800000", "500000"))),
            List.of());

    static EligibilityInput ok() {
        return new EligibilityInput("AS", "62.010", false, false, false, ALONE, "M", List.of(true),
                LocalDate.of(2015, 1, 1), new BigDecimal("100000"), new BigDecimal("900000"), null,
                false, false, false, TODAY);
    }

    static List<String> blocks(EligibilityInput in) {
        return Eligibility.check(in).findings().stream().filter(f -> f.severity() == Severity.BLOCK).map(Finding::code).toList();
    }

    @Test
    void anOrdinarySmallAsIsEligible() {
        var r = Eligibility.check(ok());
        assertThat(r.eligible()).isTrue();
        assertThat(r.sme()).isTrue();
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void asaIsExcluded() {
        var in = ok();
        assertThat(blocks(new EligibilityInput("ASA", in.naceCode(), false, false, false, ALONE, "M", List.of(true),
                in.registeredDate(), in.subscribedCapitalInclPremium(), in.equity(), null, false, false, false, TODAY)))
                .containsExactly("asa");
    }

    @Test
    void publicOwnershipOf25PercentIsExcluded_theSmallMunicipalityIsNot() {
        var state = new OwnershipGraph(List.of(Enterprise.of("M", Figures.of("6", "1", "1")), Enterprise.ofKind("F",
                Kind.PUBLIC_BODY)), List.of(Holding.of("F", "M", "25")));
        assertThat(blocks(with(state))).containsExactly("publicOwnership");
        var small = new OwnershipGraph(List.of(Enterprise.of("M", Figures.of("6", "1", "1")), new Enterprise("K", "Lillevik",
                Figures.ZERO, Kind.AUTONOMOUS_LOCAL_AUTHORITY, null, new BigDecimal("8000000"), 1800)),
                List.of(Holding.of("K", "M", "40")));
        assertThat(Eligibility.check(with(small)).eligible()).isTrue();
    }

    @Test
    void banksInsurersAndInnovationCompaniesAreExcluded() {
        assertThat(blocks(withNace("64.190"))).containsExactly("bankOrInsurer");
        assertThat(blocks(withNace("65.120"))).containsExactly("bankOrInsurer");
        var in = ok();
        assertThat(blocks(new EligibilityInput("AS", "70.220", false, false, true, ALONE, "M", List.of(true),
                in.registeredDate(), in.subscribedCapitalInclPremium(), in.equity(), null, false, false, false, TODAY)))
                .containsExactly("innovationCompany");
    }

    @Test
    void foundationsAssociationsAndNace94AreWarnedNotRefused() {
        var in = ok();
        var r = Eligibility.check(new EligibilityInput("STI", "94.991", false, false, false, ALONE, "M", List.of(true),
                in.registeredDate(), in.subscribedCapitalInclPremium(), in.equity(), null, false, false, false, TODAY));
        assertThat(r.eligible()).isTrue();
        assertThat(r.needsReview()).isTrue();
        assertThat(r.findings()).extracting(Finding::code).containsExactly("foundationOrAssociation", "nace94");
    }

    @Test
    void notAnSme_whenTheGroupIsLarge() {
        var big = new OwnershipGraph(List.of(Enterprise.of("M", Figures.of("6", "1", "1")),
                Enterprise.of("P", Figures.of("300", "1", "1"))), List.of(Holding.of("P", "M", "60")));
        var r = Eligibility.check(with(big));
        assertThat(r.sme()).isFalse();
        assertThat(blocks(with(big))).containsExactly("notSme");
        assertThat(r.findings().get(0).args()).containsExactly(1);   // alternative 1 of the table
    }

    @Test
    void smeStatusChangesOnlyAfterTwoConsecutiveYears() {
        assertThat(Eligibility.afterTwoYearRule(List.of(true, false))).isTrue();          // one year over: still SME
        assertThat(Eligibility.afterTwoYearRule(List.of(true, false, false))).isFalse();  // two years over: not
        assertThat(Eligibility.afterTwoYearRule(List.of(false, true))).isFalse();         // and back again likewise
        assertThat(Eligibility.afterTwoYearRule(List.of(false, true, true))).isTrue();
        assertThat(Eligibility.afterTwoYearRule(List.of(true, false, true, false))).isTrue();
    }

    @Test
    void aTakeoverByALargeGroupEndsEligibilityAtOnce() {
        var in = ok();
        assertThat(blocks(new EligibilityInput("AS", in.naceCode(), false, false, false, ALONE, "M", List.of(true, true),
                in.registeredDate(), in.subscribedCapitalInclPremium(), in.equity(), null, false, false, true, TODAY)))
                .containsExactly("takeover");
    }

    @Test
    void undertakingInDifficulty_halfTheCapitalLost_unlessAYoungSme_andTheInterimBalanceRule() {
        // equity 40 000 of subscribed 100 000: more than half lost
        assertThat(blocks(withCapital(LocalDate.of(2015, 1, 1), "40000", null))).containsExactly("interimBalanceRequired");
        assertThat(blocks(withCapital(LocalDate.of(2015, 1, 1), "40000", "45000"))).containsExactly("difficultyCapitalLost");
        assertThat(blocks(withCapital(LocalDate.of(2015, 1, 1), "40000", "60000"))).isEmpty();   // the interim balance clears it
        assertThat(blocks(withCapital(LocalDate.of(2015, 1, 1), "50000", null))).isEmpty();       // exactly half: not more than half
        assertThat(blocks(withCapital(TODAY.minusYears(3).plusDays(1), "10000", null))).isEmpty(); // SME under 3 years
        assertThat(blocks(withCapital(TODAY.minusYears(3), "10000", null))).containsExactly("interimBalanceRequired");
    }

    /**
     * §4.3: «bedrifter med 25 % eller mer offentlig eierskap (herunder KF og SF)»: a public enterprise or body in
     * Enhetsregisteret is refused from the register's answer alone, whatever the operator typed about owners.
     */
    @Test
    void publicEnterprisesAndBodiesInTheRegisterAreExcluded_whateverTheOwnersTyped() {
        var in = ok();
        for (String form : List.of("KF", "SF", "FKF", "IKS", "KOMM", "FYLK", "STAT", "ADOS", "ORGL", "KIRK")) {
            assertThat(blocks(new EligibilityInput(form, in.naceCode(), false, false, false, ALONE, "M", List.of(true),
                    in.registeredDate(), in.subscribedCapitalInclPremium(), in.equity(), null, false, false, false, TODAY)))
                    .as(form).containsExactly("publicOrgForm");
        }
        var special = Eligibility.check(new EligibilityInput("SÆR", in.naceCode(), false, false, false, ALONE, "M",
                List.of(true), in.registeredDate(), in.subscribedCapitalInclPremium(), in.equity(), null, false, false,
                false, TODAY));
        assertThat(special.eligible()).isTrue();
        assertThat(special.needsReview()).isTrue();
        assertThat(special.findings()).extracting(Finding::code).containsExactly("specialLawOrgForm");
    }

    /**
     * §14.3.3: «Tilsvarende vil et selskap som ved sist avlagte årsregnskap ikke var i økonomiske vanskeligheter, men
     * faller inn under definisjonen av selskap i økonomiske vanskeligheter på opptakstidspunktet, ikke kunne tas opp i
     * program.»
     */
    @Test
    void newDifficultyInAnInterimBalance_isExcluded() {
        assertThat(blocks(withCapital(LocalDate.of(2015, 1, 1), "900000", "40000"))).containsExactly("difficultyInterim");
        assertThat(blocks(withCapital(LocalDate.of(2015, 1, 1), "900000", "60000"))).isEmpty();
        // a young SME is exempt from the capital rule in its interim balance too
        assertThat(blocks(withCapital(TODAY.minusYears(2), "900000", "10000"))).isEmpty();
    }

    @Test
    void insolvencyAndRecoveryOrdersAreExcluded() {
        var in = ok();
        assertThat(blocks(new EligibilityInput("AS", in.naceCode(), true, false, false, ALONE, "M", List.of(true),
                in.registeredDate(), in.subscribedCapitalInclPremium(), in.equity(), null, false, false, false, TODAY)))
                .containsExactly("difficultyInsolvency");
        assertThat(blocks(new EligibilityInput("AS", in.naceCode(), false, false, false, ALONE, "M", List.of(true),
                in.registeredDate(), in.subscribedCapitalInclPremium(), in.equity(), null, true, false, false, TODAY)))
                .containsExactly("difficultyInsolvency");
        assertThat(blocks(new EligibilityInput("AS", in.naceCode(), false, false, false, ALONE, "M", List.of(true),
                in.registeredDate(), in.subscribedCapitalInclPremium(), in.equity(), null, false, true, false, TODAY)))
                .containsExactly("recoveryOrder");
    }

    private static EligibilityInput with(OwnershipGraph g) {
        var in = ok();
        return new EligibilityInput("AS", in.naceCode(), false, false, false, g, "M", List.of(), in.registeredDate(),
                in.subscribedCapitalInclPremium(), in.equity(), null, false, false, false, TODAY);
    }

    private static EligibilityInput withNace(String nace) {
        var in = ok();
        return new EligibilityInput("AS", nace, false, false, false, ALONE, "M", List.of(true), in.registeredDate(),
                in.subscribedCapitalInclPremium(), in.equity(), null, false, false, false, TODAY);
    }

    private static EligibilityInput withCapital(LocalDate registered, String equity, String interim) {
        return new EligibilityInput("AS", "62.010", false, false, false, ALONE, "M", List.of(true), registered,
                new BigDecimal("100000"), new BigDecimal(equity), interim == null ? null : new BigDecimal(interim),
                false, false, false, TODAY);
    }
}
