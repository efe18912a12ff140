package no.siva.programflyt.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The new-year process on the engine's clock: on 1 January every operator still in the programme gets its reporting
 * calendar for the year, and no reporting year starts after the programme's end («Næringshageprogrammet 2023–2032»).
 */
@TestDate("2031-12-30")
class ReportingNewYearTest extends ProcessTestBase {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OperatorRepository operators;

    private long years(int year) {
        return jdbc.sql("select count(*) from reporting_year where year = ?").param(year).query(Long.class).single();
    }

    private long newYearRuns() {
        return EngineRecords.jobEventsOfType(engine, "reporting.start-all", JobIntent.COMPLETED);
    }

    @Test
    void firstOfJanuary2032StartsEveryCalendar_firstOfJanuary2033StartsNone() {
        long active = operators.findAll().stream().filter(o -> o.getStatus() != OperatorStatus.TERMINATED).count();
        assertThat(active).isPositive();
        // on 1 January at 00:05 by the engine's zone (Oslo here, 01:05 Oslo time on a UTC broker), whenever the process
        // was deployed: a cycle from a fixed start (R/2027-01-01T00:05/P1Y) deployed after that start fired one year
        // after the deployment instead
        assertThat(EngineRecords.startTimersDue(engine, "nyttar")).singleElement().satisfies(due -> {
            assertThat(due.atZone(OSLO).toLocalDate()).isEqualTo(LocalDate.of(2032, 1, 1));
            assertThat(due.atZone(OSLO).toLocalTime()).isBetween(LocalTime.of(0, 5), LocalTime.of(1, 5));
        });

        moveClockTo(LocalDate.of(2032, 1, 1).atTime(2, 0).atZone(OSLO).toInstant());
        await().atMost(Duration.ofSeconds(20)).until(() -> newYearRuns() == 1);
        assertThat(years(2032)).isEqualTo(active);

        moveClockTo(LocalDate.of(2033, 1, 1).atTime(2, 0).atZone(OSLO).toInstant());
        await().atMost(Duration.ofSeconds(20)).until(() -> newYearRuns() == 2);
        assertThat(years(2033)).isZero();
        assertThat(jdbc.sql("select count(*) from reporting_obligation where year = 2032 and code = 'BUDGET_NEXT_YEAR'").query(Long.class)
                .single()).isZero();
    }
}
