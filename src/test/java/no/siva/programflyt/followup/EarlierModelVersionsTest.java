package no.siva.programflyt.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import no.siva.programflyt.audit.AuditRepository;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.documents.Document;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.notifications.OutboxMessage;
import no.siva.programflyt.registry.CooperationAgreement;
import no.siva.programflyt.registry.CooperationAgreementRepository;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorService;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.reporting.ReportingService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import no.siva.programflyt.targetcompany.ExitReason;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyRepository;
import no.siva.programflyt.targetcompany.TargetCompanyService;
import no.siva.programflyt.targetcompany.TargetCompanyStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instance started on the follow-up's model as it was before 7 December 2026 (one job, {@code followup.terminate},
 * for the whole termination) still ends as the current model's seven tasks end: {@link EarlierTerminationWorker}.
 */
@TestDate("2027-03-15")
class EarlierModelVersionsTest extends ProcessTestBase {

    private static final String FU = FollowUpService.CASE_TYPE;
    private static final String EARLIER = "earlier-models/extraordinary-follow-up-before-2026-12-07.bpmn";

    @Autowired
    CamundaClient client;
    @Autowired
    FollowUpService service;
    @Autowired
    FollowUpCaseRepository cases;
    @Autowired
    OperatorRepository operators;
    @Autowired
    CooperationAgreementRepository agreements;
    @Autowired
    ReportingService reporting;
    @Autowired
    TargetCompanyRepository companies;
    @Autowired
    DocumentService documents;
    @Autowired
    TargetCompanyService targetCompanies;
    @Autowired
    AuditRepository auditRows;

    @Test
    void anInstanceOfTheEarlierVersion_atItsOneJobTermination_isTerminatedAsTheCurrentModelTerminates() {
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        CurrentUser staff = user(DemoUsers.OPERATOR_USER);
        LocalDate today = today();
        agreements.save(new CooperationAgreement(sogn, null, LocalDate.of(2023, 1, 1), new BigDecimal("2000000"), null,
                LocalDate.of(2032, 12, 31), clock.instant()));
        long yearId = reporting.startYear(sogn, today.getYear()).orElseThrow();
        awaitOpenTask(ReportingService.CASE_TYPE, yearId, "levere");
        TargetCompany active = admitTargetCompany(staff, sogn, "912345742", today, today.plusYears(3));
        awaitOpenTask(TargetCompanyService.CASE_TYPE, active.getId(), "utviklingssamtale");
        TargetCompany inAdmission = targetCompanies.register(staff, sogn, "912345882", "Søknad AS", "post@soknad.example.no");
        awaitOpenTask(TargetCompanyService.CASE_TYPE, inAdmission.getId(), "kartlegge-behov");

        // the case as the earlier version left it: its instance waits before «Opphev samarbeidsavtalen og avvikle»
        long caseId = service.start(user(DemoUsers.CASE_HANDLER), sogn, "Vesentlig svakere leveranser over tid.").caseId();
        awaitOpenTask(FU, caseId, "gjennomfore-oppfolging");
        client.newCancelInstanceCommand(cases.findById(caseId).orElseThrow().getProcessInstanceKey()).send().join();
        long earlier = client.newDeployResourceCommand().addResourceFromClasspath(EARLIER).send().join().getProcesses()
                .getFirst().getProcessDefinitionKey();
        client.newCreateInstanceCommand().processDefinitionKey(earlier).variables(Map.of("caseId", caseId, "operatorId", sogn))
                .startBeforeElement("avslutte-samarbeid").send().join();

        // revoked, terminated, reporting stopped, target companies wound down, closed, the letter written and sent
        awaitOpenTask(FU, caseId, "kontrollere-avvikling");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> companies.findById(active.getId()).orElseThrow().getStatus() == TargetCompanyStatus.EXITED);
        assertThat(companies.findById(active.getId()).orElseThrow().getExitReason()).isEqualTo(ExitReason.OPERATOR_TERMINATED);
        // the company still in admission is out too, and its open task has left the list
        assertThat(companies.findById(inAdmission.getId()).orElseThrow().getStatus()).isEqualTo(TargetCompanyStatus.EXITED);
        assertThat(findOpen(TargetCompanyService.CASE_TYPE, inAdmission.getId(), "kartlegge-behov")).isEmpty();
        assertThat(agreements.findByOperatorId(sogn).orElseThrow().getRevokedOn()).isEqualTo(today);
        assertThat(operators.findById(sogn).orElseThrow().getStatus()).isEqualTo(OperatorStatus.TERMINATED);
        assertThat(cases.findById(caseId).orElseThrow().getStatus()).isEqualTo(FollowUpStatus.TERMINATED);
        assertThat(reporting.forOperator(sogn, today.getYear())).isNotEmpty().allMatch(r -> r.done() || r.canceled());
        assertThat(findOpen(ReportingService.CASE_TYPE, yearId, "levere")).isEmpty();
        // every job is delivered twice in tests: the trail says once that the reporting stopped
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(OperatorService.CASE_TYPE, sogn, "REPORTING_STOPPED"))
                .isEqualTo(1);
        assertThat(documents.forCase(FU, caseId)).extracting(Document::getKind).contains("AVSLUTNINGSBREV");
        assertThat(outbox.findByCaseTypeAndCaseIdOrderById(FU, caseId)).filteredOn(m -> m.getDedupKey().contains(":terminated:"))
                .extracting(OutboxMessage::getRecipient).contains("ola@sognnh.no");
    }
}
