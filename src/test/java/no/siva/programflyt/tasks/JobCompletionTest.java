package no.siva.programflyt.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.audit.AuditRepository;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.support.ProcessTestBase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decision 0002 as revised for issue 25: a task completion commits its case data with the job's completion command,
 * and the engine hears of it after the commit; a command the engine never answered is sent again; a job the engine no
 * longer has leaves the answer saved and says so.
 */
class JobCompletionTest extends ProcessTestBase {

    private static final String ADMISSION = AdmissionService.CASE_TYPE;

    @Autowired
    JobCompletions completions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CamundaClient client;
    @Autowired
    AuditRepository auditRows;

    @Test
    void aCompletionIsStoredWithItsCaseData_andTheEngineAnswersAfterTheCommit() {
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord Innovasjon AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");

        assertThat(complete(siva, pilot, assessment(true)).valid()).isTrue();

        assertThat(row(pilot.getJobKey())).containsEntry("outcome", "COMPLETED").containsEntry("attempts", 1);
        assertThat((String) row(pilot.getJobKey()).get("variables")).isEqualTo("{\"qualified\":true}");
        awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd");
    }

    @Test
    void aCompletionTheEngineNeverHeardOf_isSentAgain_andTheProcessGoesOn() {
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord Innovasjon AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        // as if the application stopped between the commit and the command: the task saved as completed, the
        // command stored, the engine never told
        jdbc.sql("update user_task set state = 'COMPLETED', completed_by = ? where id = ?")
                .params(DemoUsers.CASE_HANDLER, pilot.getId()).update();
        jdbc.sql("insert into job_completion (job_key, task_id, variables, created_at, next_attempt_at) values (?, ?, ?, ?, ?)")
                .params(pilot.getJobKey(), pilot.getId(), "{\"qualified\":true}",
                        Timestamp.from(clock.instant().minusSeconds(600)),
                        Timestamp.from(clock.instant().minusSeconds(480)))
                .update();
        assertThat(findOpen(ADMISSION, c.getId(), "foresla-tilskudd")).isEmpty();

        assertThat(completions.resendUnanswered()).isEqualTo(1);

        awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> "COMPLETED".equals(row(pilot.getJobKey()).get("outcome")));
        assertThat(row(pilot.getJobKey())).containsEntry("attempts", 1);
        // answered: nothing left to send
        assertThat(completions.resendUnanswered()).isZero();
    }

    @Test
    void aCompletionTheUserDoesNotWaitFor_isAnsweredOnItsOwnThread_andTheProcessGoesOn() {
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord Innovasjon AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        jdbc.sql("update user_task set state = 'COMPLETED', completed_by = ? where id = ?")
                .params(DemoUsers.CASE_HANDLER, pilot.getId()).update();
        jdbc.sql("insert into job_completion (job_key, task_id, variables, created_at, next_attempt_at) values (?, ?, ?, ?, ?)")
                .params(pilot.getJobKey(), pilot.getId(), "{\"qualified\":true}", Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant().plusSeconds(120)))
                .update();

        // no wait at all: the answer comes on the sender's thread and is stored there
        completions.dispatch(pilot.getJobKey(), "{\"qualified\":true}", Duration.ZERO);

        awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> "COMPLETED".equals(row(pilot.getJobKey()).get("outcome")));
        // answered, and too young to be sent again anyway
        assertThat(completions.resendUnanswered()).isZero();
    }

    @Test
    void aJobTheEngineNoLongerHas_leavesTheAnswerSaved_andTheUserAndTheAuditTrailAreTold() {
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord Innovasjon AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        // the process moves on without the task list hearing of it (cancelled in the engine)
        client.newCancelInstanceCommand(c.getProcessInstanceKey()).send().join();

        assertThatThrownBy(() -> complete(siva, pilot, assessment(true)))
                .isInstanceOf(BusinessRuleException.class).hasMessage("task.error.goneAfterSaving");

        assertThat(taskRows.findById(pilot.getId()).orElseThrow().getState()).isEqualTo(UserTask.COMPLETED);
        assertThat(row(pilot.getJobKey())).containsEntry("outcome", "GONE");
        assertThat(auditRows.findAll()).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("TASK_COMPLETION_GONE");
            assertThat(e.getCaseId()).isEqualTo(c.getId());
        });
        assertThat(completions.resendUnanswered()).isZero();
    }

    @Test
    void aCompletionNeverAnsweredAfterItsLastAttempt_isGivenUp_andNotSentAgain() {
        jdbc.sql("""
                insert into job_completion (job_key, task_id, variables, created_at, next_attempt_at, attempts)
                values (?, ?, ?, ?, ?, ?)""")
                .params(4242L, 1L, "{}", Timestamp.from(clock.instant().minusSeconds(7200)),
                        Timestamp.from(clock.instant().minusSeconds(60)), JobCompletions.MAX_ATTEMPTS)
                .update();

        assertThat(completions.resendUnanswered()).isEqualTo(1);

        assertThat(row(4242L)).containsEntry("outcome", "FAILED");
        assertThat(completions.resendUnanswered()).isZero();
    }

    private Map<String, Object> row(long jobKey) {
        return jdbc.sql("select outcome, attempts, variables from job_completion where job_key = ?").param(jobKey)
                .query().singleRow();
    }
}
