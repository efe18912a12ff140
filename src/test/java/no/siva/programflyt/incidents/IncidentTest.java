package no.siva.programflyt.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.audit.AuditRepository;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.processes.BpmnModels;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.ProcessTestBase;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/** A job that fails for good becomes a visible incident, and a retry after the fix lets the process go on. */
@AutoConfigureMockMvc
class IncidentTest extends ProcessTestBase {

    @Autowired
    CamundaClient client;
    @Autowired
    IncidentService incidents;
    @Autowired
    AuditRepository auditRows;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void exhaustedRetriesBecomeAnIncident_andRetryAfterTheFixContinues() throws Exception {
        long missingCase = 424242;
        client.newCreateInstanceCommand().bpmnProcessId(AdmissionService.PROCESS_ID).latestVersion()
                .variables(Map.of("caseId", missingCase, "businessKey", "912345742", "countyCode", "46",
                        "projectType", "FORPROSJEKT_OPPTAK", "pilotDue", "2030-01-01T16:00:00+01:00",
                        "pilotReminder1", "P14D", "pilotReminder2", "P3D", "countyReminderCycle", "R/P14D"))
                .send().join();

        // each failure waits for its back-off on the engine clock (5 s, 10 s, 20 s, 40 s in tests): move the clock
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            engine.increaseTime(Duration.ofSeconds(30));
            return !incidents.open().isEmpty();
        });
        List<Incident> open = incidents.open();
        assertThat(open).hasSize(1);
        Incident incident = open.get(0);
        assertThat(incident.getJobType()).isEqualTo("admission.lookup-register");
        assertThat(incident.getElementId()).isEqualTo("sla-opp-enhetsregisteret");
        assertThat(incident.getCaseType()).isEqualTo(AdmissionService.CASE_TYPE);
        assertThat(incident.getCaseId()).isEqualTo(missingCase);
        assertThat(incident.getBusinessKey()).isEqualTo("912345742");
        assertThat(incident.getErrorMessage()).contains("admission 424242");
        // the incident is recorded before the job is failed for good: the fifth failure follows in the engine
        await().atMost(Duration.ofSeconds(20))
                .until(() -> EngineRecords.jobEvents(engine, incident.getJobKey(), JobIntent.FAILED) == 5);
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(AdmissionService.CASE_TYPE, missingCase, "INCIDENT_CREATED"))
                .isEqualTo(1);

        mvc.perform(get("/incidents").with(SecurityMockMvcRequestPostProcessors.user(user(DemoUsers.CASE_HANDLER))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("admission 424242")))
                .andExpect(content().string(Matchers.containsString("Prøv på nytt")));
        mvc.perform(get("/incidents").with(SecurityMockMvcRequestPostProcessors.user(user(DemoUsers.VESTLAND))))
                .andExpect(status().isForbidden());

        // the fix: the case the job needs now exists
        jdbc.update("""
                insert into admission_case (id, project_type, org_number, company_name, county_code, pilot_budget,
                                            pilot_end_date, status, created_by, created_at)
                values (?, 'FORPROSJEKT_OPPTAK', '912345742', 'Reparert AS', '46', 250000, '2030-01-01', 'REGISTERED', 'test', ?)""",
                missingCase, Timestamp.from(clock.instant()));
        incidents.retry(incident.getId(), DemoUsers.CASE_HANDLER);
        // the retry gives the job the retries its model gives the task (retries="5"), not a number of its own
        await().atMost(Duration.ofSeconds(20)).until(() -> !EngineRecords.retriesGiven(engine, incident.getJobKey()).isEmpty());
        assertThat(EngineRecords.retriesGiven(engine, incident.getJobKey())).containsExactly(5);

        assertThat(incidents.open()).isEmpty();
        awaitOpenTask(AdmissionService.CASE_TYPE, missingCase, "gjennomfore-forprosjekt");
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(AdmissionService.CASE_TYPE, missingCase, "INCIDENT_RETRIED"))
                .isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        RetryWithBackoffStrategy s = new RetryWithBackoffStrategy(null, null, null, Duration.ofSeconds(10),
                Duration.ofMinutes(1), new BpmnModels());
        assertThat(s.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(s.backoffAfter(4)).isEqualTo(Duration.ofMinutes(1));
    }
}
