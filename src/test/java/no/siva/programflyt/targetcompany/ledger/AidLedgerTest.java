package no.siva.programflyt.targetcompany.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Intensity, the EUR 220 000 rolling three-year cap, and concurrent lines (guide §14.3.4–14.3.6). */
class AidLedgerTest extends ProcessTestBase {

    @Autowired
    AidLedger ledger;
    @Autowired
    TargetCompanyRepository companies;
    @Autowired
    OperatorRepository operators;
    @Autowired
    EurRates rates;

    TargetCompany company;

    @BeforeEach
    void activeCompany() {
        rates.set(2020, new BigDecimal("10.0000"), false);
        rates.set(2023, new BigDecimal("10.0000"), false);   // round rates make the EUR sums easy to read
        rates.set(2024, new BigDecimal("10.0000"), false);
        rates.set(2025, new BigDecimal("10.0000"), false);
        rates.set(2026, new BigDecimal("10.0000"), false);
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        TargetCompany c = new TargetCompany(sogn, "912345742", "Målbedrift AS", "post@mb.example.no", "Markedsføring",
                DemoUsers.OPERATOR_USER, clock.instant());
        c.selfDeclarationSigned(LocalDate.of(2020, 1, 1), BigDecimal.ZERO);
        c.agreed(LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31), "Rådgivning", "Vekst", "Rådgivning",
                LocalDate.of(2021, 1, 1), "Kari", "kari@mb.example.no", new BigDecimal("60"));
        company = companies.save(c);
    }

    private AidLedgerLine line(LocalDate date, String market, String own) {
        return ledger.record(company.getId(), new AidLedger.LineInput(date, CostType.INNOVATION_ADVISORY, "Rådgivning",
                new BigDecimal(market), new BigDecimal(own)), DemoUsers.OPERATOR_USER);
    }

    @Test
    void aidIsTheDifference_vatOnTheOwnContribution_eurAtTheYearsRate() {
        AidLedgerLine l = line(LocalDate.of(2026, 3, 1), "10000", "4000");
        assertThat(l.getAidNok()).isEqualByComparingTo("6000");          // the guide: pays 40 % -> intensity 60 %
        assertThat(l.getVatNok()).isEqualByComparingTo("1000");          // 25 % of 4 000
        assertThat(l.getAidEur()).isEqualByComparingTo("600");
    }

    @Test
    void intensityAboveTheAgreedOrAbove75PercentIsRefused() {
        assertThatThrownBy(() -> line(LocalDate.of(2026, 3, 1), "10000", "3000"))   // 70 % > agreed 60 %
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ledger.error.intensityAboveAgreed");
                    assertThat(e.args()).containsExactly("70 %", "60 %");
                });
        assertThatThrownBy(() -> line(LocalDate.of(2026, 3, 1), "10000", "2000"))   // 80 % > 75 %
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ledger.error.intensityAboveMax"));
        assertThatThrownBy(() -> ledger.record(company.getId(), new AidLedger.LineInput(LocalDate.of(2026, 3, 1),
                CostType.IPR, "Patent", new BigDecimal("10000"), new BigDecimal("4500")), "x"))   // 55 % > 50 % for IPR
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ledger.error.intensityAboveMax"));
        assertThat(ledger.usedEur("912345742", LocalDate.of(2026, 12, 31))).isZero();
    }

    @Test
    void theAgreedIntensityCannotBeAbove75Percent() {
        TargetCompany c = companies.findById(company.getId()).orElseThrow();
        c.agreed(c.getAgreementStart(), c.getAgreementEnd(), "x", "x", "x", null, null, null, new BigDecimal("80"));
        assertThatThrownBy(() -> companies.saveAndFlush(c)).hasMessageContaining("aid_intensity_at_most_75");
    }

    @Test
    void capOf220000EurOverAnyRollingThreeYears() {
        // 2023-03-01: 200 000 EUR (2 000 000 NOK of aid at 10 NOK/EUR)
        line(LocalDate.of(2023, 3, 1), "5000000", "3000000");
        // within three years: only 20 000 EUR left
        assertThat(ledger.headroomEur("912345742", LocalDate.of(2026, 2, 28))).isEqualByComparingTo("20000");
        assertThatThrownBy(() -> line(LocalDate.of(2026, 2, 28), "500000", "200000"))     // 30 000 EUR
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ledger.error.capExceeded");
                    assertThat(e.args()[1]).isEqualTo("20\u00a0000,00\u00a0EUR");   // the headroom is shown
                });
        // exactly three years later the old aid still counts (2023-03-01 is not after 2023-03-01) ... on 2026-03-01 it does not
        assertThat(ledger.usedEur("912345742", LocalDate.of(2026, 2, 28))).isEqualByComparingTo("200000");
        assertThat(ledger.usedEur("912345742", LocalDate.of(2026, 3, 1))).isZero();
        // aid three years and one day old no longer counts
        AidLedgerLine later = line(LocalDate.of(2026, 3, 2), "500000", "200000");
        assertThat(later.getAidEur()).isEqualByComparingTo("30000");
    }

    @Test
    void aLateLineIsCheckedAgainstWindowsEndingAtLaterLines() {
        line(LocalDate.of(2026, 6, 1), "5000000", "3000000");                 // 200 000 EUR
        // a line dated before it, entered afterwards: the window ending 2026-06-01 would pass the cap
        assertThatThrownBy(() -> line(LocalDate.of(2025, 1, 1), "500000", "200000"))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ledger.error.capExceeded"));
    }

    @Test
    void declaredOtherAidForTheSameCostsCounts() {
        ledger.declareOtherAid(company, LocalDate.of(2025, 5, 1), new BigDecimal("215000"), "Innovasjon Norge");
        assertThatThrownBy(() -> line(LocalDate.of(2026, 1, 10), "100000", "40000"))   // 6 000 EUR
                .isInstanceOf(BusinessRuleException.class);
        assertThat(line(LocalDate.of(2026, 1, 10), "50000", "20000").getAidEur()).isEqualByComparingTo("3000");
    }

    @Test
    void concurrentLinesCannotTogetherPassTheCap() throws Exception {
        line(LocalDate.of(2026, 1, 5), "3500000", "1400000");                  // 210 000 EUR used, 10 000 left
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<Boolean> task = () -> {
                start.await();
                try {
                    line(LocalDate.of(2026, 2, 1), "100000", "40000");       // 6 000 EUR each: one fits, two do not
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
        assertThat(ledger.usedEur("912345742", LocalDate.of(2026, 12, 31))).isEqualByComparingTo("216000");
    }

    @Test
    void linesOutsideTheAgreementAreRefused() {
        assertThatThrownBy(() -> line(LocalDate.of(2019, 12, 31), "1000", "400"))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ledger.error.outsideAgreement"));
        assertThatThrownBy(() -> line(LocalDate.of(2026, 1, 1), "1000", "1400"))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ledger.error.ownAboveMarket"));
    }
}
