package no.siva.programflyt.admission;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.spring.test.ZeebeTestThreadSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.audit.AuditRepository;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.notifications.OutboxMessage;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every end of the admission process, driven through the real workers and the task list. */
class AdmissionProcessTest extends ProcessTestBase {

    private static final String ADMISSION = AdmissionService.CASE_TYPE;

    @Autowired
    AdmissionCaseRepository cases;
    @Autowired
    OperatorRepository operators;
    @Autowired
    AuditRepository auditRows;

    @Test
    void admittedPath_createsOperatorForFiveYearsAndNotifiesEveryone() {
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(vestland, "912345742", "Nordfjord Innovasjon AS", "46");

        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        assertThat(pilot.getName()).isEqualTo("Gjennomfør forprosjektet og vurder kriteriene");
        assertThat(pilot.candidateGroupList()).containsExactly("siva-saksbehandler");
        assertThat(pilot.getFormId()).isEqualTo("forprosjekt-vurdering");
        assertThat(pilot.getDueAt().atZone(ZoneId.of("Europe/Oslo")).toLocalDate()).isEqualTo(c.getPilotEndDate());
        assertThat(pilot.getBusinessKey()).isEqualTo("912345742");
        assertThat(complete(siva, pilot, assessment(true)).valid()).isTrue();

        UserTask proposal = awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd");
        assertThat(complete(siva, proposal, Map.of("foreslattTilskudd", "1 500 000", "begrunnelse", "Som sammenlignbare hager."))
                .valid()).isTrue();

        UserTask decision = awaitOpenTask(ADMISSION, c.getId(), "fylkets-vedtak");
        assertThat(decision.candidateGroupList()).containsExactly("fylke-46");
        assertThat(decision.getCountyCode()).isEqualTo("46");
        assertThat(complete(vestland, decision, Map.of("vedtak", "godkjent", "vedtattTilskudd", "1500000",
                "forbehold", "Forbehold om statsbudsjettet.", "begrunnelse", "Godt forankret.")).valid()).isTrue();

        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey());
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey()))
                .hasPassedElementsInOrder("gjennomfore-forprosjekt", "foresla-tilskudd", "fylkets-vedtak", "ta-opp-operator", "tatt-opp")
                .hasNotPassedElement("avslatt").hasNotPassedElement("ikke-kvalifisert");

        AdmissionCase done = cases.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(AdmissionStatus.ADMITTED);
        assertThat(done.getQualified()).isTrue();
        assertThat(done.getCriteria()).hasSize(8).allMatch(AdmissionCriterion::isMet);
        assertThat(done.getProposedGrant()).isEqualByComparingTo("1500000");
        assertThat(done.getDecidedGrant()).isEqualByComparingTo(new BigDecimal("1500000"));
        assertThat(done.getCountyReservations()).isEqualTo("Forbehold om statsbudsjettet.");

        Operator operator = operators.findByOrgNumber("912345742").orElseThrow();
        assertThat(operator.getStatus()).isEqualTo(OperatorStatus.ACTIVE);
        assertThat(operator.getCountyCode()).isEqualTo("46");
        assertThat(operator.getPeriodEnd()).isEqualTo(operator.getPeriodStart().plusYears(5).minusDays(1));
        assertThat(operator.getPeriodStart()).isEqualTo(LocalDate.now(ZoneId.of("Europe/Oslo")));
        assertThat(done.getOperatorId()).isEqualTo(operator.getId());

        assertThat(recipients(c)).containsExactlyInAnyOrder(
                "forprosjekt@siva.no",                                   // commission received
                "vilde.radgiver@vlfk.no",                                // proposal to the county
                "vilde.radgiver@vlfk.no", "post@selskap.example.no");     // admitted
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(ADMISSION, c.getId(), "TASK_COMPLETED")).isEqualTo(3);
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(ADMISSION, c.getId(), "COUNTY_APPROVED")).isEqualTo(1);
    }

    @Test
    void notQualified_endsWithReasonedLetterToCountyAndCompany() {
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        AdmissionCase c = commission(vestland, "912345815", "Fjordtest AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        assertThat(complete(user(DemoUsers.CASE_HANDLER), pilot, assessment(false)).valid()).isTrue();

        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey());
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey()))
                .hasPassedElement("sende-begrunnet-avslag").hasPassedElement("ikke-kvalifisert")
                .hasNotPassedElement("foresla-tilskudd");
        AdmissionCase done = cases.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(AdmissionStatus.NOT_QUALIFIED);
        assertThat(done.getClosedAt()).isNotNull();
        assertThat(done.getCriteria().get(0).isMet()).isFalse();
        assertThat(operators.findByOrgNumber("912345815")).isEmpty();
        List<OutboxMessage> letters = outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId()).stream()
                .filter(m -> m.getDedupKey().contains(":not-qualified:")).toList();
        assertThat(letters).extracting(OutboxMessage::getRecipient)
                .containsExactlyInAnyOrder("vilde.radgiver@vlfk.no", "post@selskap.example.no");
        assertThat(letters.get(0).getBodyHtml()).contains("Kommunal aksjemajoritet.").contains("ikke er kvalifisert");
        assertThat(letters.get(0).getSubject()).isEqualTo("Forprosjekt avsluttet: Fjordtest AS er ikke kvalifisert for opptak");
    }

    @Test
    void rejectedByCounty_endsWithoutOperator() {
        CurrentUser nordland = user(DemoUsers.NORDLAND);
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(nordland, "912345882", "Lofoten Kunnskapspark AS", "18");
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt"), assessment(true));
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd"),
                Map.of("foreslattTilskudd", "900000", "begrunnelse", "Liten region."));
        UserTask decision = awaitOpenTask(ADMISSION, c.getId(), "fylkets-vedtak");
        assertThat(decision.candidateGroupList()).containsExactly("fylke-18");
        assertThat(complete(nordland, decision, Map.of("vedtak", "avslatt", "begrunnelse", "Ikke rom i budsjettet.")).valid())
                .isTrue();

        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey());
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey()))
                .hasPassedElement("varsle-avslag").hasPassedElement("avslatt").hasNotPassedElement("ta-opp-operator");
        AdmissionCase done = cases.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(AdmissionStatus.REJECTED_BY_COUNTY);
        assertThat(done.getDecidedGrant()).isNull();
        assertThat(operators.findByOrgNumber("912345882")).isEmpty();
        assertThat(recipients(c)).contains("forprosjekt@siva.no", "post@selskap.example.no");
    }

    @Test
    void approvalWithoutAmount_isRefusedAtTheFieldAndNothingMoves() {
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(vestland, "912345955", "Hardanger Vekst AS", "46");
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt"), assessment(true));
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd"),
                Map.of("foreslattTilskudd", "1000000", "begrunnelse", "Begrunnet."));
        UserTask decision = awaitOpenTask(ADMISSION, c.getId(), "fylkets-vedtak");

        FormSubmission refused = complete(vestland, decision, Map.of("vedtak", "godkjent", "begrunnelse", "Ja."));

        assertThat(refused.valid()).isFalse();
        assertThat(refused.errors()).containsOnlyKeys("vedtattTilskudd");
        assertThat(refused.errors().get("vedtattTilskudd")).isEqualTo("Fyll ut vedtatt tilskudd når vedtaket er godkjent.");
        assertThat(taskRows.findById(decision.getId()).orElseThrow().isOpen()).isTrue();
        assertThat(cases.findById(c.getId()).orElseThrow().getDecisionJustification()).isNull();
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).isActive().isWaitingAtElements("fylkets-vedtak");
    }

    private List<String> recipients(AdmissionCase c) {
        return outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId()).stream().map(OutboxMessage::getRecipient).toList();
    }
}
