package no.siva.programflyt.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import no.siva.programflyt.shared.ProgrammePeriod;
import org.junit.jupiter.api.Test;

/**
 * «Næringshageprogrammet 2023–2032 … har oppstart i 2023 og er et tiårig»: cooperation periods (five years, §12.1)
 * and their extension (five more) never run past the programme's end, 31.12.2032 by default.
 */
class ProgrammeEndTest {

    static final LocalDate END = ProgrammePeriod.standard().end();

    @Test
    void theProgrammeIs2023To2032_andTheMidTermEvaluationIsIn2027() {
        assertThat(ProgrammePeriod.standard().start()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(END).isEqualTo(LocalDate.of(2032, 12, 31));
        assertThat(ProgrammePeriod.standard().midTermEvaluation()).isEqualTo(2027);
        assertThat(ProgrammePeriod.standard().mayStart(LocalDate.of(2032, 12, 31))).isTrue();
        assertThat(ProgrammePeriod.standard().mayStart(LocalDate.of(2033, 1, 1))).isFalse();
    }

    @Test
    void theFirstCohortsPeriodAndExtensionFitTheProgramme() {
        CooperationAgreement a = new CooperationAgreement(1, null, LocalDate.of(2023, 1, 1), BigDecimal.ONE, null, END,
                Instant.EPOCH);
        assertThat(a.getEndDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(a.getExtensionUntil()).isEqualTo(LocalDate.of(2032, 12, 31));
    }

    @Test
    void anOperatorAdmittedIn2029_endsWithTheProgramme_notFiveYearsLater() {
        CooperationAgreement a = new CooperationAgreement(1, null, LocalDate.of(2029, 3, 1), BigDecimal.ONE, null, END,
                Instant.EPOCH);
        assertThat(a.getEndDate()).isEqualTo(END);
        assertThat(a.getExtensionUntil()).isEqualTo(END);
        Operator o = new Operator("912345742", "Ny Hage AS", "46", OperatorStatus.ACTIVE, null, Instant.EPOCH);
        o.startFirstPeriod(LocalDate.of(2029, 3, 1), END);
        assertThat(o.getPeriodEnd()).isEqualTo(END);
        o.startFirstPeriod(LocalDate.of(2026, 3, 1), END);
        assertThat(o.getPeriodEnd()).isEqualTo(LocalDate.of(2031, 2, 28));
    }
}
