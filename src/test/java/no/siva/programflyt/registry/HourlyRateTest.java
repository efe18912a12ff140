package no.siva.programflyt.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Programme guide §10.4: min(NOK 1 100, 1.2 ‰ of nominal annual salary), part-time grossed up to full time. */
class HourlyRateTest {

    private static BigDecimal cap(String salary, String percent) {
        return HourlyRate.cap(new BigDecimal(salary), new BigDecimal(percent));
    }

    @Test
    void belowTheGuidesThresholdOf916667ThePerMilleRuleDecides() {
        assertThat(cap("500000", "100")).isEqualByComparingTo("600");
        assertThat(cap("750000", "100")).isEqualByComparingTo("900");
        assertThat(cap("916666", "100")).isEqualByComparingTo("1099");   // 1 099.9992, rounded down
    }

    @Test
    void fromTheThresholdUpTheCapIs1100() {
        assertThat(cap("916667", "100")).isEqualByComparingTo("1100");
        assertThat(cap("1500000", "100")).isEqualByComparingTo("1100");
    }

    @Test
    void partTimeSalariesAreGrossedUpToFullTime() {
        assertThat(HourlyRate.fullTimeSalary(new BigDecimal("600000"), new BigDecimal("60"))).isEqualByComparingTo("1000000");
        assertThat(cap("600000", "60")).isEqualByComparingTo("1100");       // 1 000 000 full time
        assertThat(cap("300000", "50")).isEqualByComparingTo("720");        // 600 000 full time
    }

    @Test
    void positionPercentMustBeAPercentage() {
        assertThatThrownBy(() -> cap("500000", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cap("500000", "120")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullTimeYearIs1695Hours() {
        assertThat(HourlyRate.HOURS_PER_YEAR).isEqualByComparingTo("1695");
    }

    /**
     * §10.4: «må dette deles på antallet timer i et årsverk (Siva benytter 1 695 timer)»: a position's hours are its
     * share of 1 695, the rate within the cap, and the budget at least hours × rate.
     */
    @Test
    void aBudgetsStaffLine_hoursWithinTheYear_rateWithinTheCap_budgetCoversThem() {
        assertThat(HourlyRate.maxHours(new BigDecimal("100"))).isEqualByComparingTo("1695");
        assertThat(HourlyRate.maxHours(new BigDecimal("60"))).isEqualByComparingTo("1017");
        assertThat(HourlyRate.budgetProblems(new BigDecimal("600000"), new BigDecimal("60"), new BigDecimal("1100"),
                new BigDecimal("1017"), new BigDecimal("1118700"), "budsjett")).isEmpty();
        assertThat(HourlyRate.budgetProblems(new BigDecimal("600000"), new BigDecimal("60"), new BigDecimal("1101"),
                new BigDecimal("1018"), new BigDecimal("1000"), "belop")).extracting(HourlyRate.Problem::field)
                .containsExactly("timepris", "timer", "belop");
    }
}
