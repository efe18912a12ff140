package no.siva.programflyt.targetcompany.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The aid ledger by the guide's own words: aid is granted on the admission date and checked there against the cap in
 * force on that date (EUR 200 000 before 06.01.2025, EUR 220 000 from it) over three years, for the whole group of
 * linked enterprises; invoice lines are checked against what was granted, the intensity and the self-declaration.
 */
@TestDate("2026-12-04")
class AidLedgerTest extends ProcessTestBase {

    @Autowired
    AidLedger ledger;
    @Autowired
    TargetCompanyRepository companies;
    @Autowired
    OperatorRepository operators;
    @Autowired
    EurRates rates;

    @Autowired
    JdbcClient jdbc;

    private List<Map<String, Object>> savedRates;

    /** eur_rate outlives the test: the real rates are put back for the tests that follow. */
    @AfterEach
    void realRates() {
        jdbc.sql("delete from eur_rate").update();
        for (var r : savedRates) {
            jdbc.sql("insert into eur_rate (year, nok_per_eur, provisional) values (?, ?, ?)")
                    .params(r.get("year"), r.get("nok_per_eur"), r.get("provisional")).update();
        }
    }

    @BeforeEach
    void roundRates() {
        savedRates = jdbc.sql("select year, nok_per_eur, provisional from eur_rate").query().listOfRows();
        jdbc.sql("delete from eur_rate where year > 2026").update();   // no average known after 2026
        for (int year = 2020; year <= 2026; year++) {
            rates.set(year, new BigDecimal("10.0000"), false);   // round rates make the EUR sums easy to read
        }
    }

    /** An active company, its self-declaration signed on its admission date (= agreement start). */
    private TargetCompany company(String org, LocalDate start) {
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        TargetCompany c = new TargetCompany(sogn, org, "Målbedrift " + org + " AS", "post@mb.example.no", "Markedsføring",
                DemoUsers.OPERATOR_USER, clock.instant());
        c.selfDeclarationSigned(start, BigDecimal.ZERO);
        c.agreed(start, start.plusYears(6), "Rådgivning", "Vekst", "Rådgivning", start.plusMonths(6), "Kari",
                "kari@mb.example.no", new BigDecimal("60"));
        TargetCompany saved = companies.save(c);
        ledger.recordGroup(saved, List.of());
        return saved;
    }

    private void renew(TargetCompany c, LocalDate signed) {
        TargetCompany fresh = companies.findById(c.getId()).orElseThrow();
        fresh.selfDeclarationSigned(signed, BigDecimal.ZERO);
        companies.save(fresh);
    }

    private AidLedger.GrantRow grant(TargetCompany c, LocalDate date, String eur) {
        return ledger.grant(c.getId(), date, new BigDecimal(eur).multiply(BigDecimal.TEN),
                "Rådgivning", DemoUsers.OPERATOR_USER);
    }

    private AidLedgerLine line(TargetCompany c, LocalDate date, String market, String own) {
        return ledger.record(c.getId(), new AidLedger.LineInput(date, CostType.INNOVATION_ADVISORY, "Rådgivning",
                new BigDecimal(market), new BigDecimal(own)), DemoUsers.OPERATOR_USER);
    }

    private static void refused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    /**
     * Change log 06.01.2025: «… ikke overstiger 200 000 euro pr foretak i løpet av en treårsperiode …», til «… ikke
     * overstiger 220 000 euro pr foretak i løpet av en treårsperiode, jf. Artikkel 28(4).»
     */
    @Test
    void capByDate_200000EurBefore06012025_220000EurFromThatDate() {
        TargetCompany c = company("912345742", LocalDate.of(2024, 6, 1));
        assertThatThrownBy(() -> grant(c, LocalDate.of(2024, 6, 1), "205000"))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ledger.error.capExceeded");
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e.args()[2]).isEqualTo("200\u00a0000,00\u00a0EUR");   // the cap in force that day
                    assertThat(e.args()[3]).isEqualTo("01.06.2024");
                });
        grant(c, LocalDate.of(2024, 6, 1), "200000");
        refused(() -> grant(c, LocalDate.of(2025, 1, 5), "10000"), "ledger.error.capExceeded");   // still 200 000
        grant(c, LocalDate.of(2025, 1, 6), "20000");                                              // 220 000 from today
        refused(() -> grant(c, LocalDate.of(2025, 1, 6), "1"), "ledger.error.capExceeded");
        assertThat(ledger.usedEur(c, LocalDate.of(2025, 1, 6))).isEqualByComparingTo("220000");
        assertThat(ledger.caps().inForce(LocalDate.of(2025, 1, 5))).isEqualByComparingTo("200000");
        assertThat(ledger.caps().inForce(LocalDate.of(2025, 1, 6))).isEqualByComparingTo("220000");
    }

    /**
     * §14.5: «Opptaksdato i program anses som dato for avtaleinngåelse mellom NH/INK og bedrift, og som den datoen
     * bedriften fikk innvilget statsstøtte (uavhengig av når NH/INK fakturerer bedriften)».
     */
    @Test
    void aidIsGrantedOnTheAdmissionDate_whateverTheInvoicing() {
        TargetCompany c = company("912345742", LocalDate.of(2023, 3, 1));
        ledger.grant(c.getId(), LocalDate.of(2023, 3, 1), new BigDecimal("2000000"),
                "Målbedriftsavtale", DemoUsers.OPERATOR_USER);                                    // 200 000 EUR
        renew(c, LocalDate.of(2025, 2, 20));
        // invoiced in 2026 and still counted on 2023-03-01: three years later the grant no longer counts
        line(c, LocalDate.of(2026, 2, 1), "100000", "40000");
        assertThat(ledger.usedEur(c, LocalDate.of(2026, 2, 28))).isEqualByComparingTo("200000");
        assertThat(ledger.usedEur(c, LocalDate.of(2026, 3, 1))).isZero();
        assertThat(ledger.headroomEur(c, LocalDate.of(2026, 2, 28))).isEqualByComparingTo("20000");
        // invoice lines are checked against what was granted
        line(c, LocalDate.of(2026, 3, 1), "3000000", "1200000");                               // 1 800 000 aid
        line(c, LocalDate.of(2026, 3, 1), "233000", "93200");                                  // 139 800: 200 left
        assertThatThrownBy(() -> line(c, LocalDate.of(2026, 3, 2), "100000", "40000"))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ledger.error.aboveGranted");
                    assertThat(e.args()[1]).isEqualTo("200\u00a0kr");
                });
        // an increase is a new grant with its own date: the window of 2026-03-02 no longer holds the 2023 grant
        grant(c, LocalDate.of(2026, 3, 2), "6000");
        assertThat(line(c, LocalDate.of(2026, 3, 2), "100000", "40000").getAidNok()).isEqualByComparingTo("60000");
        assertThat(ledger.grants(c.getId())).extracting(AidLedger.GrantRow::kind).containsExactly("AGREEMENT", "INCREASE");
    }

    @Test
    void aLateGrantIsCheckedAgainstWindowsEndingAtLaterGrants() {
        TargetCompany c = company("912345742", LocalDate.of(2025, 1, 6));
        grant(c, LocalDate.of(2025, 1, 6), "10000");
        grant(c, LocalDate.of(2026, 6, 1), "190000");
        // dated before it, entered afterwards: the window ending 2026-06-01 would pass the cap
        refused(() -> grant(c, LocalDate.of(2025, 2, 1), "30000"), "ledger.error.capExceeded");
        grant(c, LocalDate.of(2025, 2, 1), "20000");
    }

    @Test
    void declaredOtherAidForTheSameCostsCounts() {
        TargetCompany c = company("912345742", LocalDate.of(2025, 9, 1));
        ledger.declareOtherAid(c, LocalDate.of(2025, 5, 1), new BigDecimal("215000"), "Innovasjon Norge");
        refused(() -> grant(c, LocalDate.of(2025, 9, 1), "6000"), "ledger.error.capExceeded");
        assertThat(grant(c, LocalDate.of(2025, 9, 1), "5000").amountEur()).isEqualByComparingTo("5000");
    }

    /**
     * §6.2: «Dersom bedriften er del av et konsern, så må støtten regnes på konsernnivå». Two companies linked to one
     * parent (more than 50 %) share one cap; a partner (25–50 %) keeps its own.
     */
    @Test
    void linkedEnterprisesShareOneCap_partnersDoNot() {
        LocalDate start = LocalDate.of(2026, 1, 5);
        TargetCompany a = company("912345742", start);
        TargetCompany b = company("912345815", start);
        TargetCompany partner = company("912346161", start);
        ledger.recordGroup(a, List.of("999888777"));   // Morselskap AS owns 60 % of each
        ledger.recordGroup(b, List.of("999888777"));
        assertThat(ledger.group(a)).containsExactly("912345742", "912345815", "999888777");
        grant(a, start, "150000");
        assertThatThrownBy(() -> grant(b, start, "80000")).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("ledger.error.capExceededGroup");
            assertThat(e.args()[1]).isEqualTo("70\u00a0000,00\u00a0EUR");
        });
        grant(b, start, "70000");
        assertThat(grant(partner, start, "80000").amountEur()).isEqualByComparingTo("80000");
        assertThat(ledger.usedEur(b, start)).isEqualByComparingTo("220000");
    }

    /** Two concurrent grants for two companies of one group that together pass the cap: exactly one is recorded. */
    @Test
    void concurrentGrantsForTwoCompaniesOfOneGroup_exactlyOneIsRecorded() throws Exception {
        LocalDate start = LocalDate.of(2026, 1, 5);
        TargetCompany a = company("912345742", start);
        TargetCompany b = company("912345815", start);
        ledger.recordGroup(a, List.of("999888777"));
        ledger.recordGroup(b, List.of("999888777"));
        grant(a, start, "210000");                                                 // 10 000 EUR left for the group
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> results = new ArrayList<>();
        for (TargetCompany c : List.of(a, b)) {
            Callable<Boolean> task = () -> {
                together.await();
                try {
                    grant(c, start, "6000");                                      // one fits, two do not
                    return true;
                } catch (BusinessRuleException e) {
                    return false;
                }
            };
            results.add(pool.submit(task));
        }
        int ok = 0;
        for (Future<Boolean> f : results) {
            ok += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1);
        assertThat(ledger.usedEur(a, LocalDate.of(2026, 12, 31))).isEqualByComparingTo("216000");
    }

    /**
     * A company that names no linked enterprise (taken over by import) still shares the cap of one that names it: the
     * group is followed in both directions.
     */
    @Test
    void aCompanyThatNamesNoLinkedEnterprise_stillSharesTheCapOfOneThatNamesIt() {
        LocalDate start = LocalDate.of(2026, 1, 5);
        TargetCompany imported = company("912345742", start);
        jdbc.sql("delete from aid_group_member where target_company_id = ?").param(imported.getId()).update();
        TargetCompany owner = company("912345815", start);
        ledger.recordGroup(owner, List.of("912345742"));   // owns more than 50 % of the imported company
        grant(owner, start, "200000");
        assertThat(ledger.group(imported)).containsExactly("912345742", "912345815");
        refused(() -> grant(imported, start, "30000"), "ledger.error.capExceededGroup");
        assertThat(grant(imported, start, "20000").amountEur()).isEqualByComparingTo("20000");
    }

    /**
     * §14.5: the first grant is the agreement's, on the admission date; an increase is dated the day it is granted,
     * never ahead (a grant dated ahead would meet a window that has let go of earlier aid), and covers no line dated
     * before it.
     */
    @Test
    void theFirstGrantIsOnTheAdmissionDate_anIncreaseNeverAhead_andCoversNoEarlierLine() {
        TargetCompany c = company("912345742", LocalDate.of(2023, 3, 1));
        assertThatThrownBy(() -> grant(c, LocalDate.of(2023, 4, 1), "1000")).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("ledger.error.firstGrantOnAdmission");
            assertThat(e.field()).isEqualTo("date");
            assertThat(e.args()).containsExactly("01.03.2023");
        });
        grant(c, LocalDate.of(2023, 3, 1), "200000");
        renew(c, LocalDate.of(2025, 2, 20));
        // dated tomorrow, the window would no longer hold the 2023 grant: an increase is never dated ahead of today
        assertThatThrownBy(() -> grant(c, LocalDate.of(2026, 12, 5), "200000")).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("ledger.error.grantAhead");
            assertThat(e.args()).containsExactly("04.12.2026");
        });
        assertThat(ledger.grants(c.getId())).hasSize(1);
        grant(c, LocalDate.of(2026, 3, 2), "10000");                       // 100 000 NOK more from 02.03.2026
        line(c, LocalDate.of(2026, 2, 1), "3000000", "1200000");            // 1 800 000 of the 2 000 000 granted
        assertThatThrownBy(() -> line(c, LocalDate.of(2026, 3, 1), "500000", "200000"))   // 300 000: only 200 000 by then
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ledger.error.aboveGrantedByThen");
                    var f = new Formats();
                    assertThat(e.args()).containsExactly(f.nok(new BigDecimal("300000")), "01.03.2026",
                            f.nok(new BigDecimal("200000")));
                });
        assertThat(line(c, LocalDate.of(2026, 3, 2), "500000", "200000").getAidNok()).isEqualByComparingTo("300000");
    }

    /**
     * §14.5: «Egenerklæringsskjemaet vil være gyldig i to år fra opptaksdato gitt at bedriften er sammenhengende i
     * program denne 2-årsperioden» -- no aid after its expiry until it is renewed.
     */
    @Test
    void noAidAfterTheSelfDeclarationExpires_untilItIsRenewed() {
        TargetCompany c = company("912345742", LocalDate.of(2024, 3, 1));   // valid until 28.02.2026
        grant(c, LocalDate.of(2024, 3, 1), "10000");
        line(c, LocalDate.of(2026, 2, 28), "10000", "4000");
        assertThatThrownBy(() -> line(c, LocalDate.of(2026, 3, 1), "10000", "4000"))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ledger.error.declarationExpired");
                    assertThat(e.field()).isEqualTo("serviceDate");
                    assertThat(e.args()).containsExactly("28.02.2026");
                });
        refused(() -> grant(c, LocalDate.of(2026, 3, 1), "1000"), "ledger.error.declarationExpired");
        assertThat(ledger.invoicedNok(c.getId())).isEqualByComparingTo("6000");
        renew(c, LocalDate.of(2026, 3, 2));
        assertThat(line(c, LocalDate.of(2026, 3, 2), "10000", "4000").getAidNok()).isEqualByComparingTo("6000");
    }

    @Test
    void aidIsTheDifference_vatOnTheOwnContribution_eurAtTheYearsRate() {
        TargetCompany c = company("912345742", LocalDate.of(2026, 1, 5));
        grant(c, LocalDate.of(2026, 1, 5), "10000");
        AidLedgerLine l = line(c, LocalDate.of(2026, 3, 1), "10000", "4000");
        assertThat(l.getAidNok()).isEqualByComparingTo("6000");          // the guide: pays 40 % -> intensity 60 %
        assertThat(l.getVatNok()).isEqualByComparingTo("1000");          // 25 % of 4 000
        assertThat(l.getAidEur()).isEqualByComparingTo("600");
    }

    /** §14.1.6: «gjennomsnittlig valutakurs for det året virksomheten har mottatt innovasjonsstøtte». */
    @Test
    @TestDate("2027-01-05")
    void theGrantIsInEurAtTheRateOfTheYearItIsGranted_provisionalWithoutThatYearsAverage() {
        rates.set(2026, new BigDecimal("11.0000"), false);
        TargetCompany c = company("912345742", LocalDate.of(2026, 12, 31));
        AidLedger.GrantRow g2026 = ledger.grant(c.getId(), LocalDate.of(2026, 12, 31),
                new BigDecimal("110000"), "Avtale", "x");
        assertThat(g2026.amountEur()).isEqualByComparingTo("10000");
        assertThat(g2026.provisionalRate()).isFalse();
        // 2027 has no average yet: the newest known (2026) is used, marked provisional
        AidLedger.GrantRow g2027 = ledger.grant(c.getId(), LocalDate.of(2027, 1, 2),
                new BigDecimal("11000"), "Økning", "x");
        assertThat(g2027.eurRate()).isEqualByComparingTo("11");
        assertThat(g2027.provisionalRate()).isTrue();
    }

    @Test
    void intensityAboveTheAgreedOrAbove75PercentIsRefused() {
        TargetCompany c = company("912345742", LocalDate.of(2026, 1, 5));
        grant(c, LocalDate.of(2026, 1, 5), "10000");
        assertThatThrownBy(() -> line(c, LocalDate.of(2026, 3, 1), "10000", "3000"))   // 70 % > agreed 60 %
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ledger.error.intensityAboveAgreed");
                    assertThat(e.args()).containsExactly("70 %", "60 %");
                });
        refused(() -> line(c, LocalDate.of(2026, 3, 1), "10000", "2000"), "ledger.error.intensityAboveMax");
        refused(() -> ledger.record(c.getId(), new AidLedger.LineInput(LocalDate.of(2026, 3, 1), CostType.IPR, "Patent",
                new BigDecimal("10000"), new BigDecimal("4500")), "x"), "ledger.error.intensityAboveMax");   // 55 % > 50 %
        assertThat(ledger.invoicedNok(c.getId())).isZero();
    }

    @Test
    void theAgreedIntensityCannotBeAbove75Percent() {
        TargetCompany c = companies.findById(company("912345742", LocalDate.of(2026, 1, 5)).getId()).orElseThrow();
        c.agreed(c.getAgreementStart(), c.getAgreementEnd(), "x", "x", "x", null, null, null, new BigDecimal("80"));
        assertThatThrownBy(() -> companies.saveAndFlush(c)).hasMessageContaining("aid_intensity_at_most_75");
    }

    @Test
    void linesAndGrantsOutsideTheAgreementAreRefused() {
        TargetCompany c = company("912345742", LocalDate.of(2026, 1, 5));
        grant(c, LocalDate.of(2026, 1, 5), "10000");
        refused(() -> line(c, LocalDate.of(2026, 1, 4), "1000", "400"), "ledger.error.outsideAgreement");
        refused(() -> grant(c, LocalDate.of(2026, 1, 4), "1000"), "ledger.error.outsideAgreement");
        refused(() -> line(c, LocalDate.of(2026, 2, 1), "1000", "1400"), "ledger.error.ownAboveMarket");
    }
}
