package no.siva.programflyt.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.incidents.IncidentService;
import no.siva.programflyt.notifications.OutboxMessage;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TcpProxy;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/**
 * PostgreSQL unreachable for more than half a minute in the middle of a process: the application reaches it through a
 * TCP proxy that the test cuts (every connection closed, new ones refused) and restores. The half minute passes on the
 * engine's clock (the one the jobs' back-off runs on, and the application's): the test moves it on rather than
 * waiting, and a request gives up waiting for a connection after 2 s here (10 s in production).
 */
@AutoConfigureMockMvc
@Import(DatabaseOutageTest.ThroughAProxy.class)
class DatabaseOutageTest extends ProcessTestBase {

    private static final String ADMISSION = AdmissionService.CASE_TYPE;
    private static final String REMINDER_JOB = "admission.remind-pilot-end";
    private static TcpProxy proxy;

    @TestConfiguration
    static class ThroughAProxy {
        @Bean
        @Primary
        DataSource throughAProxy(@Qualifier("dataSource") DataSource embedded) {
            HikariDataSource direct = (HikariDataSource) embedded;
            int port = URI.create(direct.getJdbcUrl().substring("jdbc:".length())).getPort();
            proxy = new TcpProxy(port);
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(direct.getJdbcUrl().replace(":" + port + "/", ":" + proxy.port() + "/"));
            ds.setUsername(direct.getUsername());
            ds.setPassword(direct.getPassword());
            ds.setMaximumPoolSize(10);
            ds.setConnectionTimeout(2_000);   // each attempt during the outage fails after 2 s, not 10 s
            ds.setPoolName("through-a-proxy");
            return ds;
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    IncidentService incidents;

    @AfterEach
    void databaseBack() {
        proxy.restore();
    }

    @Test
    void databaseUnreachable_pagesSayUnavailable_jobsRetryWithoutUsingUpRetries_andTheProcessGoesOn() throws Exception {
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord Innovasjon AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        tasks.claim(siva, pilot.getId());
        Instant due = pilot.getDueAt(); // the pilot project's end
        Instant cutAt = clock.instant();
        // signed in before the outage: her session is in the database too
        Cookie session = mvc.perform(formLogin("/login").user(DemoUsers.CASE_HANDLER)
                .password(DemoUsers.PASSWORD)).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();

        proxy.cut();

        // her next page cannot read her session: the same clear answer, from outside the pages' error handling
        mvc.perform(get("/tasks").cookie(session)).andExpect(status().is(503))
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().string(containsString("Systemet er midlertidig utilgjengelig")))
                .andExpect(content().string(not(containsString("Exception"))));

        // a page: a clear Norwegian message with status 503, never a stack trace
        mvc.perform(get("/tasks").with(SecurityMockMvcRequestPostProcessors.user(siva))).andExpect(status().is(503))
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().string(containsString("Systemet er midlertidig utilgjengelig")))
                .andExpect(content().string(containsString("er kanskje ikke lagret")))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("org.postgresql"))));
        // signing in: not "wrong password", but that the system is unavailable
        mvc.perform(formLogin("/login").user(DemoUsers.CASE_HANDLER).password(DemoUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?unavailable"));
        mvc.perform(get("/login").param("unavailable", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("systemet er midlertidig utilgjengelig")));
        // an action: refused the same way, and nothing half-done once the database is back (checked below)
        mvc.perform(post("/tasks/{id}/unclaim", pilot.getId()).with(SecurityMockMvcRequestPostProcessors.user(siva)).with(csrf()))
                .andExpect(status().is(503));

        // the pilot project's first reminder falls due: its worker cannot reach the database
        moveClockTo(due.minus(Duration.ofDays(14)).plus(Duration.ofHours(1)));
        // each failure waits for its back-off (5 s, 10 s, ...) on the engine's clock: move it on instead of waiting
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            advance(Duration.ofSeconds(10));
            return EngineRecords.jobEventsOfType(engine, REMINDER_JOB, JobIntent.FAILED) >= 3;
        });
        // three failures would have used up the job's three retries; an outage of our own database uses none
        assertThat(Duration.between(cutAt, clock.instant())).isGreaterThan(Duration.ofSeconds(30));
        assertThat(incidentsInTheEngine()).isZero();
        assertThat(EngineRecords.jobEventsOfType(engine, REMINDER_JOB, JobIntent.COMPLETED)).isZero();

        proxy.restore();

        // the pool reconnects (a look meanwhile may still find it empty); the job's last back-off passes on the clock
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .ignoreException(DataAccessResourceFailureException.class).until(() -> {
                    advance(Duration.ofSeconds(10));
                    return reminders(c).size() == 1;
                });
        await().atMost(Duration.ofSeconds(20))
                .until(() -> EngineRecords.jobEventsOfType(engine, REMINDER_JOB, JobIntent.COMPLETED) == 1);
        assertThat(reminders(c)).extracting(OutboxMessage::getRecipient).containsExactly("sara.saksbehandler@siva.no");
        assertThat(incidentsInTheEngine()).isZero();
        assertThat(incidents.open()).isEmpty();
        // the refused unclaim did nothing: the task is still claimed, and it can be completed
        UserTask still = taskRows.findById(pilot.getId()).orElseThrow();
        assertThat(still.getAssignee()).isEqualTo(DemoUsers.CASE_HANDLER);
        mvc.perform(get("/tasks").with(SecurityMockMvcRequestPostProcessors.user(siva))).andExpect(status().isOk());
        mvc.perform(formLogin("/login").user(DemoUsers.CASE_HANDLER).password("feil"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user(DemoUsers.CASE_HANDLER).password(DemoUsers.PASSWORD))
                .andExpect(redirectedUrl("/"));
        assertThat(complete(siva, still, assessment(true)).valid()).isTrue();
        awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd");
    }

    private long incidentsInTheEngine() {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(r -> r.getValueType() == ValueType.INCIDENT).count();
    }

    private List<OutboxMessage> reminders(AdmissionCase c) {
        return outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId()).stream()
                .filter(m -> m.getDedupKey().contains(":pilot-reminder-")).toList();
    }
}
