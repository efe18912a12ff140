package no.siva.programflyt.differentiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A round places each operator on a grant step for the next year. On 15 August 2032, the programme's last year
 * («Næringshageprogrammet 2023–2032»), the yearly start finds no year to decide: no round starts, and the instance ends
 * at «Programmet er avsluttet».
 */
@TestDate("2032-08-10")
class DifferentiationAfterProgrammeTest extends ProcessTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void noRoundStartsForAYearAfterTheProgrammesEnd() {
        moveClockTo(LocalDate.of(2032, 8, 15).atTime(12, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> EngineRecords.jobEventsOfType(engine, "differentiation.plan", JobIntent.COMPLETED) == 1);
        assertThat(jdbc.sql("select count(*) from diff_round").query(Long.class).single()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from audit_event where action = 'DIFF_AFTER_PROGRAMME' and business_key = '2032'")
                .query(Long.class).single() == 1);   // once, though every job runs twice in the tests
        assertThat(EngineRecords.jobEventsOfType(engine, "differentiation.limited-analysis", JobIntent.CREATED)).isZero();
        assertThat(EngineRecords.jobEventsOfType(engine, "differentiation.remind", JobIntent.CREATED)).isZero();
    }

    @Autowired
    DifferentiationService service;

    /** Nor by hand: the project leader cannot start a round for 2032 (it would decide 2033), with the reason. */
    @Test
    void noRoundIsStartedByHandForAYearAfterTheProgrammesEnd() {
        Assertions.assertThatThrownBy(() -> service.startManually(
                user(DemoUsers.PROJECT_LEADER), 2032))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("differentiation.error.afterProgramme");
                    assertThat(e.args()).containsExactly(2032, "31.12.2032");
                });
        assertThat(jdbc.sql("select count(*) from diff_round").query(Long.class).single()).isZero();
        assertThat(service.startManually(user(DemoUsers.PROJECT_LEADER), 2031).getYear()).isEqualTo(2031);
    }
}
