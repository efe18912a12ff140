package no.siva.programflyt.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import no.siva.devruntime.EngineClock;
import no.siva.programflyt.ProgramflytApplication;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.followup.FollowUpService;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.AppUserDetailsService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.support.BrregStub;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.TestDatabase;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application stopped in the middle of a process and started again, while the engine (a Zeebe broker of its own
 * here, as in production) keeps running: the open task is still in the list once, and the timer that fell due while
 * the application was down fires once and its job is done once by the restarted application.
 */
class AppRestartTest {

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static ConfigurableApplicationContext start(int enginePort) {
        return new SpringApplicationBuilder(ProgramflytApplication.class).profiles("dev").initializers(new BrregStub()).run(
                "--server.port=0",
                "--programflyt.test.redeliver-every-job=true",
                "--programflyt.embedded-engine.enabled=false",
                "--camunda.client.grpc-address=http://127.0.0.1:" + enginePort,
                "--camunda.client.request-timeout=PT20S",
                "--camunda.client.worker.defaults.poll-interval=PT0.3S",
                "--programflyt.demo.users=true",
                "--programflyt.demo.cases=false",
                "--programflyt.mail.scheduler-enabled=false",
                "--programflyt.brreg.base-url=http://127.0.0.1:1/none",
                "--logging.level.root=WARN");
    }

    @Test
    void restartedWhileATaskIsOpenAndATimerFallsDue_taskOnce_timerOnce() throws Exception {
        int port = freePort();
        ZeebeTestEngine engine = EngineFactory.create(port);
        engine.start();
        try {
            long caseId;
            long taskId;
            try (ConfigurableApplicationContext before = start(port)) {
                before.getBean(EngineClock.class).follow(engine);   // the application tells the engine's time
                before.getBean(TestDatabase.class).reset();
                CurrentUser siva = (CurrentUser) before.getBean(AppUserDetailsService.class)
                        .loadUserByUsername(DemoUsers.CASE_HANDLER);
                long helgeland = before.getBean(OperatorRepository.class)
                        .findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
                caseId = before.getBean(FollowUpService.class).start(siva, helgeland, "Svak utvikling.").caseId();
                UserTaskRepository tasks = before.getBean(UserTaskRepository.class);
                taskId = await().atMost(Duration.ofSeconds(20)).until(() -> openTasks(tasks, caseId), l -> l.size() == 1)
                        .get(0).getId();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> EngineRecords.jobEventsOfType(engine, "followup.inform-start", JobIntent.COMPLETED) == 1);
                assertThat(EngineRecords.pendingTimers(engine, processInstanceKey(before, caseId))).isPositive();
            }

            // the application is down: the 3-month reminder falls due on the engine, and nobody takes its job
            engine.increaseTime(Duration.ofDays(95));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> EngineRecords.jobEventsOfType(engine, "followup.remind", JobIntent.CREATED) == 1);
            assertThat(EngineRecords.jobEventsOfType(engine, "followup.remind", JobIntent.COMPLETED)).isZero();

            try (ConfigurableApplicationContext after = start(port)) {
                after.getBean(EngineClock.class).follow(engine);   // the application tells the engine's time
                JdbcClient jdbc = after.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> EngineRecords.jobEventsOfType(engine, "followup.remind", JobIntent.COMPLETED) == 1);
                await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from outbox_message where case_type = ? and case_id = ? and dedup_key like '%remind%'")
                        .params(FollowUpService.CASE_TYPE, caseId).query(Long.class).single() > 0);

                // the task: still there, once, still open, the same row (its job was activated again after restart)
                List<UserTask> open = openTasks(after.getBean(UserTaskRepository.class), caseId);
                assertThat(open).extracting(UserTask::getId).containsExactly(taskId);
                assertThat(jdbc.sql("select count(*) from user_task where case_type = ? and case_id = ?")
                        .params(FollowUpService.CASE_TYPE, caseId).query(Long.class).single()).isEqualTo(1);
                // the timer fired once, its job done once, its e-mails written once
                assertThat(EngineRecords.jobEventsOfType(engine, "followup.remind", JobIntent.CREATED)).isEqualTo(1);
                assertThat(EngineRecords.jobEventsOfType(engine, "followup.remind", JobIntent.COMPLETED)).isEqualTo(1);
                List<String> reminders = jdbc.sql(
                        "select dedup_key from outbox_message where case_type = ? and case_id = ? and dedup_key like '%remind%'")
                        .params(FollowUpService.CASE_TYPE, caseId).query(String.class).list();
                assertThat(reminders).hasSize(1);   // one recipient: the case handler holding the task, or the contact
                assertThat(EngineRecords.jobEventsOfType(engine, "followup.inform-start", JobIntent.CREATED)).isEqualTo(1);
            }
        } finally {
            engine.stop();
        }
    }

    private static List<UserTask> openTasks(UserTaskRepository tasks, long caseId) {
        return tasks.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(FollowUpService.CASE_TYPE, caseId).stream()
                .filter(UserTask::isOpen).toList();
    }

    private static long processInstanceKey(ConfigurableApplicationContext app, long caseId) {
        return app.getBean(JdbcClient.class).sql("select process_instance_key from follow_up_case where id = ?")
                .param(caseId).query(Long.class).single();
    }
}
