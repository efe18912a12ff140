package no.siva.programflyt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guide §4.5: «… vil det gjennomføres en midtveisevaluering av næringshageprogrammet i 2027»: on 2 January 2027 Siva's
 * project leaders get the task, due at the year's end; completing it records the follow-up; other years nothing.
 */
class EvaluationProcessTest extends ProcessTestBase {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Autowired
    ProgrammeEvaluations evaluations;
    @Autowired
    JdbcClient jdbc;

    private long evaluationId(int year) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select id from programme_evaluation where year = ?").param(year).query(Long.class).optional(),
                Optional::isPresent).orElseThrow();
    }

    @Test
    @TestDate("2026-12-30")
    void in2027TheProjectLeadersTenderAndFollowUpTheMidTermEvaluation() {
        moveClockTo(LocalDate.of(2027, 1, 2).atTime(12, 0).atZone(OSLO).toInstant());
        long id = evaluationId(2027);
        UserTask task = awaitOpenTask(ProgrammeEvaluations.CASE_TYPE, id, "folge-opp-midtveisevaluering");
        assertThat(task.candidateGroupList()).containsExactly("siva-prosjektleder");
        assertThat(task.getDueAt().atZone(OSLO).toLocalDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(complete(user(DemoUsers.PROJECT_LEADER), task, Map.of("utlyst", "2027-02-01",
                "leverandor", "Oxford Research", "hovedfunn", "Programmet virker.", "oppfolging", "Tas inn i 2028."))
                .valid()).isTrue();
        awaitEnded(task.getProcessInstanceKey());
        ProgrammeEvaluations.Evaluation e = evaluations.find(id).orElseThrow();
        assertThat(e.done()).isTrue();
        assertThat(e.performedBy()).isEqualTo("Oxford Research");
        assertThat(e.tenderedOn()).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    @TestDate("2027-12-30")
    void otherYearsNoEvaluationTask() {
        moveClockTo(LocalDate.of(2028, 1, 2).atTime(12, 0).atZone(OSLO).toInstant());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> EngineRecords.jobEventsOfType(engine, "evaluation.plan", JobIntent.COMPLETED) >= 1);
        assertThat(jdbc.sql("select count(*) from programme_evaluation").query(Long.class).single()).isZero();
        assertThat(taskRows.findAll()).noneMatch(t -> "folge-opp-midtveisevaluering".equals(t.getElementId()));
    }
}
