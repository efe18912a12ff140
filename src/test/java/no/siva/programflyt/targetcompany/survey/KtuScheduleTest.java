package no.siva.programflyt.targetcompany.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import no.siva.programflyt.targetcompany.survey.KtuSchedule.Dispatch;
import no.siva.programflyt.targetcompany.survey.KtuSchedule.Form;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guide's §6.3 table: every start month, its dispatch and its portal deadline. */
class KtuScheduleTest {

    @ParameterizedTest(name = "agreement starting {0} -> survey {1}, register by {2}")
    @CsvSource({
            "2026-11-15, 2027-03, 2027-02-28",
            "2026-12-01, 2027-03, 2027-02-28",
            "2027-01-31, 2027-03, 2027-02-28",
            "2027-02-01, 2027-06, 2027-05-31",
            "2027-03-10, 2027-06, 2027-05-31",
            "2027-04-30, 2027-06, 2027-05-31",
            "2027-05-01, 2027-09, 2027-08-31",
            "2027-06-15, 2027-09, 2027-08-31",
            "2027-07-31, 2027-09, 2027-08-31",
            "2027-08-01, 2027-12, 2027-11-30",
            "2027-09-15, 2027-12, 2027-11-30",
            "2027-10-31, 2027-12, 2027-11-30",
            "2028-01-10, 2028-03, 2028-02-28",   // a leap year: the deadline stays 28 February
    })
    void startFormByTheGuidesTable(LocalDate start, YearMonth dispatch, LocalDate registerBy) {
        Dispatch d = KtuSchedule.after(Form.START, start);
        assertThat(d.month()).isEqualTo(dispatch);
        assertThat(d.registerBy()).isEqualTo(registerBy);
        // always 2–4 months after the start
        long months = ChronoUnit.MONTHS.between(YearMonth.from(start), dispatch);
        assertThat(months).isBetween(2L, 4L);
    }

    @Test
    void ongoingYearlyThenExit() {
        var all = KtuSchedule.forAgreement(LocalDate.of(2026, 2, 10), LocalDate.of(2028, 8, 31));
        assertThat(all).extracting(Dispatch::form, Dispatch::month).containsExactly(
                Tuple.tuple(Form.START, YearMonth.of(2026, 6)),
                Tuple.tuple(Form.ONGOING, YearMonth.of(2027, 6)),
                Tuple.tuple(Form.ONGOING, YearMonth.of(2028, 6)),
                Tuple.tuple(Form.EXIT, YearMonth.of(2028, 12)));
    }
}
