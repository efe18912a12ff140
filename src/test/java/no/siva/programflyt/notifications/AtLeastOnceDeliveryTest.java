package no.siva.programflyt.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.admission.AdmissionWorkers;
import no.siva.programflyt.audit.AuditRepository;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.RedeliverEveryJob;
import no.siva.programflyt.support.Smtp;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Jobs are delivered at least once: a second delivery of the same job must have no second effect. */
class AtLeastOnceDeliveryTest extends ProcessTestBase {

    private static final String ADMISSION = AdmissionService.CASE_TYPE;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(Smtp.SETUP);

    @Autowired
    AdmissionWorkers workers;
    @Autowired
    OutboxSender sender;
    @Autowired
    OperatorRepository operators;
    @Autowired
    AuditRepository auditRows;

    @Test
    void everyJobTypeOfTheModelsIsDeliveredTwiceInTheProcessTests() throws Exception {
        Set<String> modelled = new TreeSet<>();
        try (var files = Files.list(Path.of("processes"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                var m = Pattern.compile("zeebe:taskDefinition type=\"([^\"]+)\"")
                        .matcher(Files.readString(file));
                while (m.find()) {
                    modelled.add(m.group(1));
                }
            }
        }
        assertThat(modelled).hasSizeGreaterThan(40);
        assertThat(RedeliverEveryJob.wrappedJobTypes()).containsAll(modelled).contains(UserTaskWorker.JOB_TYPE);

        // and the wrapping is in force: the admission's first steps ran twice
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord AS", "46");
        awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        assertThat(RedeliverEveryJob.redelivered("admission.lookup-register")).isPositive();
        assertThat(RedeliverEveryJob.redelivered(UserTaskWorker.JOB_TYPE)).isPositive();
        assertThat(taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(ADMISSION, c.getId())).hasSize(1);
        assertThat(outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId())).hasSize(1);
    }

    @Test
    void userTaskJobActivatedAgainAfterTimeout_isInTheListOnce() {
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        assertThat(EngineRecords.activations(engine, pilot.getJobKey())).isEqualTo(1);

        engine.increaseTime(Duration.ofDays(8)); // past the user-task job's 7-day timeout
        await().atMost(Duration.ofSeconds(20)).until(() -> EngineRecords.activations(engine, pilot.getJobKey()) == 2);

        assertThat(EngineRecords.jobEvents(engine, pilot.getJobKey(), JobIntent.TIMED_OUT)).isEqualTo(1);
        assertThat(taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(ADMISSION, c.getId())).hasSize(1);
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(ADMISSION, c.getId(), "TASK_CREATED")).isEqualTo(1);
        // and the task is still completable: the process moves on once
        assertThat(complete(user(DemoUsers.CASE_HANDLER), pilot, assessment(true)).valid()).isTrue();
        awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd");
    }

    @Test
    void serviceJobsDeliveredTwice_oneOperatorOneRowOneEmailEach() throws Exception {
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(vestland, "912345742", "Nordfjord AS", "46");
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt"), assessment(true));
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd"),
                Map.of("foreslattTilskudd", "1500000", "begrunnelse", "Begrunnet."));
        complete(vestland, awaitOpenTask(ADMISSION, c.getId(), "fylkets-vedtak"),
                Map.of("vedtak", "godkjent", "vedtattTilskudd", "1500000", "begrunnelse", "Ja."));
        awaitOpenTask(ADMISSION, c.getId(), "budsjett-timepris");   // admitted, letter sent, onboarding begun

        // commission, proposal, admitted (county + company), grant letter (company + county)
        assertThat(sender.sendAllDue()).isEqualTo(6);
        assertThat(smtp.getReceivedMessages()).hasSize(6);
        long outboxRows = outbox.count();

        // the same jobs delivered again (e.g. timed out after the side effect, before completion)
        workers.lookupRegister(c.getId());
        workers.notifyCommission(c.getId());
        workers.sendProposal(c.getId());
        workers.admitOperator(c.getId());
        workers.admitOperator(c.getId());
        workers.grantLetter(c.getId());

        assertThat(operators.findAll()).filteredOn(o -> o.getOrgNumber().equals("912345742")).hasSize(1);
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(ADMISSION, c.getId(), "OPERATOR_ADMITTED")).isEqualTo(1);
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(ADMISSION, c.getId(), "AGREEMENT_CREATED")).isEqualTo(1);
        assertThat(outbox.count()).isEqualTo(outboxRows);
        assertThat(sender.sendAllDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(6);

        MimeMessage letter = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Tilsagnsbrev")).findFirst().orElseThrow();
        MimeMultipart parts = (MimeMultipart) letter.getContent();
        boolean pdfAttached = false;
        for (int i = 0; i < parts.getCount(); i++) {
            pdfAttached |= "tilsagnsbrev-912345742.pdf".equals(parts.getBodyPart(i).getFileName())
                    && parts.getBodyPart(i).getContentType().startsWith("application/pdf");
        }
        assertThat(pdfAttached).as("grant letter attached as PDF").isTrue();

        MimeMessage admitted = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains("er tatt opp")).findFirst().orElseThrow();
        assertThat(subject(admitted)).isEqualTo("Nordfjord AS er tatt opp i næringshageprogrammet");
        assertThat(GreenMailUtil.getBody(admitted)).contains("Nordfjord AS");
        assertThat(outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId()))
                .allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(OutboxMessage.SENT));
    }

    @Test
    void failedDeliveryIsRetriedLaterAndNotLost() {
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord AS", "46");
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId()).size() == 1);
        smtp.stop();
        assertThat(sender.sendAllDue()).isZero();
        OutboxMessage failed = outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId()).get(0);
        assertThat(failed.getStatus()).isEqualTo(OutboxMessage.PENDING);
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isNotBlank();
        smtp.start();
        assertThat(sender.sendAllDue()).as("not yet due: retried after the back-off").isZero();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
