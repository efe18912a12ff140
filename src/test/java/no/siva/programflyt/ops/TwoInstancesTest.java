package no.siva.programflyt.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import no.siva.programflyt.ProgramflytApplication;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.followup.FollowUpService;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.AppUserDetailsService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.SignedInSessions;
import no.siva.programflyt.support.BrregStub;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.Smtp;
import no.siva.programflyt.support.TestDatabase;
import no.siva.programflyt.tasks.TaskService;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances against one engine and one database, as in production (the engine here is the in-memory
 * one inside instance A; B reaches it over gRPC; both share the PostgreSQL server): both deploy the same processes,
 * both run every worker and the outbox sender, and yet each job, task, timer and e-mail is handled once.
 */
class TwoInstancesTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(Smtp.SETUP);

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static ConfigurableApplicationContext start(int enginePort, boolean embeddedEngine, boolean demoUsers) {
        // command-line arguments: they take precedence over application-dev.yml
        return new SpringApplicationBuilder(ProgramflytApplication.class).profiles("dev").initializers(new BrregStub()).run(
                "--server.port=0",
                "--programflyt.test.redeliver-every-job=true",
                "--programflyt.embedded-engine.enabled=" + embeddedEngine,
                "--programflyt.embedded-engine.port=" + enginePort,
                "--camunda.client.grpc-address=http://127.0.0.1:" + enginePort,
                "--camunda.client.request-timeout=PT20S",
                "--camunda.client.worker.defaults.poll-interval=PT0.3S",
                "--programflyt.demo.users=" + demoUsers,
                "--programflyt.demo.cases=false",
                "--programflyt.mail.transport=smtp",
                "--programflyt.mail.poll-interval=PT0.2S",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + Smtp.PORT,
                "--programflyt.brreg.base-url=http://127.0.0.1:1/none",
                "--logging.level.root=WARN");
    }

    @Test
    void twoInstancesHandleEachTaskTimerAndEmailOnce() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext a = start(port, true, true)) {
            a.getBean(TestDatabase.class).reset();
            try (ConfigurableApplicationContext b = start(port, false, false)) {
                ZeebeTestEngine engine = a.getBean(ZeebeTestEngine.class);
                JdbcClient jdbc = a.getBean(JdbcClient.class);
                // both deployed the processes: the engine kept one version of each
                long versions = StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                        .filter(r -> r.getValueType() == ValueType.PROCESS && r.getIntent() == ProcessIntent.CREATED)
                        .filter(r -> ((Process) r.getValue()).getBpmnProcessId().equals(FollowUpService.PROCESS_ID)).count();
                assertThat(versions).isEqualTo(1);

                CurrentUser siva = (CurrentUser) a.getBean(AppUserDetailsService.class).loadUserByUsername(DemoUsers.CASE_HANDLER);
                long helgeland = a.getBean(OperatorRepository.class).findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
                long caseId = a.getBean(FollowUpService.class).start(siva, helgeland, "Svak utvikling.").caseId();

                // the task appears once, though both instances run the user-task worker; B completes it
                UserTaskRepository tasks = b.getBean(UserTaskRepository.class);
                UserTask task = await().atMost(Duration.ofSeconds(20)).until(() -> tasks
                        .findByCaseTypeAndCaseIdOrderByCreatedAtAsc(FollowUpService.CASE_TYPE, caseId).stream()
                        .filter(UserTask::isOpen).findFirst(), Optional::isPresent).orElseThrow();
                // the 3-month reminder fires once on the engine's clock
                engine.increaseTime(Duration.ofDays(95));
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> EngineRecords.jobEventsOfType(engine, "followup.remind", JobIntent.COMPLETED) == 1);
                assertThat(EngineRecords.jobEventsOfType(engine, "followup.inform-start", JobIntent.COMPLETED)).isEqualTo(1);

                // every e-mail in the outbox is sent, and received exactly once
                await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from outbox_message where status <> 'SENT'").query(Long.class).single() == 0
                        && jdbc.sql("select count(*) from outbox_message").query(Long.class).single() > 0);
                long outbox = jdbc.sql("select count(*) from outbox_message").query(Long.class).single();
                await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length >= outbox);
                assertThat(smtp.getReceivedMessages()).hasSize((int) outbox);
                assertThat(jdbc.sql("select max(attempts) from outbox_message").query(Integer.class).single()).isEqualTo(1);

                assertThat(b.getBean(TaskService.class).complete(siva, task.getId(), Map.of(), Locale.forLanguageTag("nb"))
                        .valid()).isFalse();   // the conclusion needs a scoreboard: refused, nothing done
                assertThat(tasks.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(FollowUpService.CASE_TYPE, caseId)).hasSize(1);
                // (the clock move crosses 1 January, so the reporting calendars' own tasks may also open meanwhile)
                List<String> open = jdbc.sql("select element_id from user_task where state = 'OPEN' and case_type = ?")
                        .param(FollowUpService.CASE_TYPE).query(String.class).list();
                assertThat(open).containsExactly("gjennomfore-oppfolging");
            }
        }
    }

    /**
     * The web session lives in the database: a user signed in at instance A stays signed in when the load balancer
     * sends her next request to B, and signing out at B signs her out at A too.
     */
    @Test
    void aUserSignedInAtOneInstanceIsSignedInAtTheOther() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext a = start(port, true, true);
                ConfigurableApplicationContext b = start(port, false, false);
                HttpClient http = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER).build()) {
            String urlA = "http://127.0.0.1:" + a.getEnvironment().getProperty("local.server.port");
            String urlB = "http://127.0.0.1:" + b.getEnvironment().getProperty("local.server.port");

            String session = signIn(http, urlA);

            var atB = http.send(HttpRequest.newBuilder(URI.create(urlB + "/tasks"))
                    .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(atB.statusCode()).isEqualTo(200);
            assertThat(atB.body()).contains("Sara Saksbehandler");

            // signing out at B (its CSRF token from B's page) ends the session at A as well
            String token = csrfOf(atB.body());
            var signOut = http.send(HttpRequest.newBuilder(URI.create(urlB + "/logout"))
                    .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token,
                            StandardCharsets.UTF_8)))
                    .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(signOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
            var atA = http.send(HttpRequest.newBuilder(URI.create(urlA + "/tasks"))
                    .header("Cookie", session).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(atA.statusCode()).isEqualTo(302);
            assertThat(atA.headers().firstValue("Location").orElseThrow()).endsWith("/login");

            // signed in again at A; her access ended at B (a suspension, say): signed out at A at once
            String second = signIn(http, urlA);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(urlA + "/tasks"))
                    .header("Cookie", second).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(200);
            b.getBean(SignedInSessions.class).endAll(DemoUsers.CASE_HANDLER);
            var ended = http.send(HttpRequest.newBuilder(URI.create(urlA + "/tasks"))
                    .header("Cookie", second).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(ended.statusCode()).isEqualTo(302);
        }
    }

    /** Signs the case handler in at this instance through its login form; returns her session cookie. */
    private static String signIn(HttpClient http, String url) throws Exception {
        var page = http.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        var signIn = http.send(HttpRequest.newBuilder(URI.create(url + "/login"))
                .header("Cookie", sessionCookie(page)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + DemoUsers.CASE_HANDLER
                        + "&password=" + DemoUsers.PASSWORD + "&_csrf=" + URLEncoder.encode(csrfOf(page.body()),
                                StandardCharsets.UTF_8)))
                .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).isEqualTo(url + "/");
        return sessionCookie(signIn);
    }

    private static String csrfOf(String page) {
        return page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }
}
