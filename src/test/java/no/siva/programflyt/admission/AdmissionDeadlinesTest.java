package no.siva.programflyt.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.incidents.Incident;
import no.siva.programflyt.incidents.IncidentService;
import no.siva.programflyt.notifications.OutboxMessage;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.support.BrregStub;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;

/**
 * The admission's clocks (moved on the engine, never slept on): reminders before the pilot project's end, the
 * escalation when it is overdue, the county reminder cycle, and the register outage that retries and then becomes
 * an incident.
 */
class AdmissionDeadlinesTest extends ProcessTestBase {

    private static final String ADMISSION = AdmissionService.CASE_TYPE;

    @Autowired
    AdmissionSteps steps;
    @Autowired
    IncidentService incidents;

    @Test
    void pilotProject_remindsTwiceBeforeTheEndDate_thenEscalatesOnce() {
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord Innovasjon AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        tasks.claim(siva, pilot.getId());
        Instant due = OffsetDateTime.parse(admissions.pilotDue(c.getPilotEndDate())).toInstant();

        moveClockTo(due.minus(Duration.ofDays(14)).plus(Duration.ofHours(1)));
        awaitMails(c, ":pilot-reminder-", 1);
        assertThat(mails(c, ":pilot-reminder-")).extracting(OutboxMessage::getRecipient)
                .containsExactly("sara.saksbehandler@siva.no");   // the case handler who holds the task
        assertThat(mails(c, ":pilot-overdue-")).isEmpty();

        moveClockTo(due.minus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        awaitMails(c, ":pilot-reminder-", 2);
        assertThat(mails(c, ":pilot-overdue-")).isEmpty();

        moveClockTo(due.plus(Duration.ofHours(1)));
        awaitMails(c, ":pilot-overdue-", 1);
        OutboxMessage escalation = mails(c, ":pilot-overdue-").get(0);
        assertThat(escalation.getRecipient()).isEqualTo("per.prosjektleder@siva.no");
        assertThat(escalation.getSubject()).isEqualTo("Forfalt: forprosjektet for Nordfjord Innovasjon AS er ikke konkludert");

        // no timer of the pilot project is left to fire: nothing more will be sent; the task is still open
        assertThat(EngineRecords.pendingTimers(engine, c.getProcessInstanceKey())).isZero();
        assertThat(EngineRecords.jobEventsOfType(engine, "admission.remind-pilot-end", JobIntent.CREATED)).isEqualTo(2);
        assertThat(EngineRecords.jobEventsOfType(engine, "admission.escalate-pilot-overdue", JobIntent.CREATED)).isEqualTo(1);
        assertThat(mails(c, ":pilot-reminder-")).hasSize(2);
        assertThat(mails(c, ":pilot-overdue-")).hasSize(1);
        assertThat(findOpen(ADMISSION, c.getId(), "gjennomfore-forprosjekt")).isPresent();

        // the same job delivered again (at least once) adds nothing
        long firstReminderJob = jobKeyOf(mails(c, ":pilot-reminder-").get(0));
        steps.remindPilotEnd(c.getId(), firstReminderJob);
        steps.escalatePilotOverdue(c.getId(), jobKeyOf(escalation));
        assertThat(mails(c, ":pilot-reminder-")).hasSize(2);
        assertThat(mails(c, ":pilot-overdue-")).hasSize(1);
    }

    @Test
    void countyDecision_isRemindedEachCycleUntilDecided() {
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(vestland, "912345815", "Fjordtest AS", "46");
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt"), assessment(true));
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd"),
                Map.of("foreslattTilskudd", "1000000", "begrunnelse", "Begrunnet."));
        UserTask decision = awaitOpenTask(ADMISSION, c.getId(), "fylkets-vedtak");

        advance(Duration.ofDays(13));
        assertThat(EngineRecords.jobEventsOfType(engine, "admission.remind-county", JobIntent.CREATED)).isZero();
        assertThat(EngineRecords.pendingTimers(engine, c.getProcessInstanceKey())).isEqualTo(1);

        advance(Duration.ofDays(1).plusHours(1));
        awaitMails(c, ":county-reminder-", 1);
        OutboxMessage first = mails(c, ":county-reminder-").get(0);
        assertThat(first.getRecipient()).isEqualTo("vilde.radgiver@vlfk.no");
        assertThat(first.getSubject()).isEqualTo("Påminnelse: vedtak om Fjordtest AS venter på fylkeskommunen");

        advance(Duration.ofDays(14));
        awaitMails(c, ":county-reminder-", 2);

        complete(vestland, decision, Map.of("vedtak", "avslatt", "begrunnelse", "Ikke rom i budsjettet."));
        awaitMails(c, ":rejected:", 2);
        assertThat(EngineRecords.pendingTimers(engine, c.getProcessInstanceKey())).isZero();   // the cycle is cancelled
        assertThat(mails(c, ":county-reminder-")).hasSize(2);
        assertThat(EngineRecords.jobEventsOfType(engine, "admission.remind-county", JobIntent.CREATED)).isEqualTo(2);
    }

    @Test
    void registerOutage_retriesWithBackoff_becomesIncident_andContinuesAfterRetry() {
        BrregStub.outage();
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345882", "Lofoten Kunnskapspark AS", "46");

        // each failure waits for its back-off on the engine clock; nothing moves until the clock does
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            engine.increaseTime(Duration.ofSeconds(30));
            return !incidents.open().isEmpty();
        });
        Incident incident = incidents.open().get(0);
        assertThat(incident.getJobType()).isEqualTo("admission.lookup-register");
        assertThat(incident.getCaseId()).isEqualTo(c.getId());
        assertThat(incident.getErrorMessage()).contains("Enhetsregisteret svarte 503");
        // the incident is recorded before the job is failed for good: the fifth failure follows in the engine
        await().atMost(Duration.ofSeconds(20))
                .until(() -> EngineRecords.jobEvents(engine, incident.getJobKey(), JobIntent.FAILED) == 5);
        assertThat(BrregStub.lookups("912345882")).isEqualTo(5);
        assertThat(cases.findById(c.getId()).orElseThrow().getRegisterStatus()).isNull();
        assertThat(findOpen(ADMISSION, c.getId(), "gjennomfore-forprosjekt")).isEmpty();
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).isWaitingAtElements("sla-opp-enhetsregisteret");

        BrregStub.reset();   // the register is back
        incidents.retry(incident.getId(), DemoUsers.CASE_HANDLER);

        awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        assertThat(cases.findById(c.getId()).orElseThrow().getRegisterStatus()).isEqualTo("FOUND");
        assertThat(incidents.open()).isEmpty();
    }

    @Autowired
    AdmissionCaseRepository cases;

    private void awaitMails(AdmissionCase c, String step, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(c, step).size() >= count);
        assertThat(mails(c, step)).hasSize(count);
    }

    private List<OutboxMessage> mails(AdmissionCase c, String step) {
        return outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId()).stream()
                .filter(m -> m.getDedupKey().contains(step)).toList();
    }

    /** "admission:<case>:pilot-reminder-<jobKey>:<recipient>" */
    private static long jobKeyOf(OutboxMessage m) {
        String step = m.getDedupKey().split(":")[2];
        return Long.parseLong(step.substring(step.lastIndexOf('-') + 1));
    }
}
