package no.siva.programflyt.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.audit.AuditRepository;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.differentiation.DiffRoundRepository;
import no.siva.programflyt.differentiation.DifferentiationAnalysis;
import no.siva.programflyt.differentiation.DifferentiationService;
import no.siva.programflyt.documents.Document;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.notifications.OutboxMessage;
import no.siva.programflyt.registry.CooperationAgreement;
import no.siva.programflyt.registry.CooperationAgreementRepository;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorService;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.reporting.Obligation;
import no.siva.programflyt.reporting.ReportingService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.IndicatorData;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import no.siva.programflyt.targetcompany.ExitReason;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyRepository;
import no.siva.programflyt.targetcompany.TargetCompanyService;
import no.siva.programflyt.targetcompany.TargetCompanyStatus;
import no.siva.programflyt.tasks.UserTask;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Extraordinary follow-up (guide §6.6) on the in-memory engine through the real workers: started by hand and by each
 * message trigger (a second trigger joins the open case), continue with measures followed to done and the limited
 * analysis a year later, terminate with the county's consultation and the wind-down of the operator, and the 3- and
 * 6-month timers.
 */
class FollowUpProcessTest extends ProcessTestBase {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String FU = FollowUpService.CASE_TYPE;
    /** The model before 7 December 2026, whose termination was one job (kept for its running instances). */
    private static final String EARLIER_MODEL = "earlier-models/extraordinary-follow-up-before-2026-12-07.bpmn";

    @Autowired
    FollowUpService service;
    @Autowired
    OperatorDialogues operatorDialogues;
    @Autowired
    FollowUpWork followUpWork;
    @Autowired
    FollowUpTriggers triggers;
    @Autowired
    FollowUpCaseRepository cases;
    @Autowired
    OperatorRepository operators;
    @Autowired
    CooperationAgreementRepository agreements;
    @Autowired
    ReportingService reporting;
    @Autowired
    TargetCompanyService targetCompanies;
    @Autowired
    TargetCompanyRepository companies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentService documents;
    @Autowired
    DifferentiationService differentiation;
    @Autowired
    DifferentiationAnalysis differentiationAnalysis;
    @Autowired
    DiffRoundRepository diffRounds;
    @Autowired
    CamundaClient client;
    @Autowired
    AuditRepository auditRows;

    private long sogn() {
        return operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
    }

    private CurrentUser siva() {
        return user(DemoUsers.CASE_HANDLER);
    }

    private CurrentUser vestland() {
        return user("fylke-vestland");
    }

    private List<OutboxMessage> mails(long caseId, String step) {
        return outbox.findByCaseTypeAndCaseIdOrderById(FU, caseId).stream()
                .filter(m -> m.getDedupKey().startsWith("followup:" + caseId + ":" + step + ":")).toList();
    }

    private void scoreAndMeet(long caseId) {
        followUpWork.recordMeeting(vestland(), caseId, today(), "DIGITALT", "Siva, fylket, daglig leder",
                "Gjennomgang av måltall og aktivitet.");
        Map<String, Integer> scores = new HashMap<>();
        followUpWork.areas().keySet().forEach(a -> scores.put(a, 2));
        followUpWork.saveScoreboard(siva(), caseId, scores, Map.of("aktivitet", "Få nye målbedrifter."));
    }

    /** The operator's live work: an agreement, a reporting calendar, one active target company and one in admission. */
    private record LiveWork(int year, long yearId, TargetCompany active, TargetCompany inAdmission) {}

    private LiveWork liveWork(long operatorId) {
        CurrentUser staff = user(DemoUsers.OPERATOR_USER);
        agreements.save(new CooperationAgreement(operatorId, null, LocalDate.of(2023, 1, 1), new BigDecimal("2000000"),
                null, LocalDate.of(2032, 12, 31), clock.instant()));
        int year = today().getYear();
        long yearId = reporting.startYear(operatorId, year).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> taskRows.findAll().stream()
                .anyMatch(t -> t.isOpen() && "levere".equals(t.getElementId())));
        LocalDate today = today();
        TargetCompany active = admitTargetCompany(staff, operatorId, "912345742", today, today.plusYears(3));
        awaitOpenTask(TargetCompanyService.CASE_TYPE, active.getId(), "utviklingssamtale");
        TargetCompany inAdmission = targetCompanies.register(staff, operatorId, "912345882", "Søknad AS",
                "post@soknad.example.no");
        awaitOpenTask(TargetCompanyService.CASE_TYPE, inAdmission.getId(), "kartlegge-behov");
        return new LiveWork(year, yearId, active, inAdmission);
    }

    private static Map<String, String> conclusion(String konklusjon) {
        return Map.of("vurdering", "Utviklingen er ikke i tråd med programmet.", "konklusjon", konklusjon,
                "begrunnelse", "Vurdert etter møtene og scoreboardet.");
    }

    @Test
    void startedByTheCounty_continueWithMeasuresFollowedToDone_thenTheLimitedAnalysisAYearLater() {
        long sogn = sogn();
        FollowUpService.Raised r = service.start(vestland(), sogn, "Få nye målbedrifter to år på rad.");
        assertThat(r.opened()).isTrue();
        long caseId = r.caseId();
        UserTask work = awaitOpenTask(FU, caseId, "gjennomfore-oppfolging");
        assertThat(work.candidateGroupList()).containsExactly("siva-saksbehandler");
        assertThat(operators.findById(sogn).orElseThrow().getStatus()).isEqualTo(OperatorStatus.IN_FOLLOW_UP);
        // the county and the operator are told at the start, with the letter attached, once
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails(caseId, "started").isEmpty());
        assertThat(mails(caseId, "started")).extracting(OutboxMessage::getRecipient)
                .contains("ola@sognnh.no", "sara.saksbehandler@siva.no")
                .allMatch(m -> m.contains("@"));
        assertThat(mails(caseId, "started")).allMatch(m -> m.getAttachmentDocumentId() != null);

        // concluding needs the scoreboard, and "continue" needs the measures
        var refused = complete(siva(), work, conclusion("fortsette"));
        assertThat(refused.errors()).containsKeys("vurdering", "konklusjon");
        assertThat(findOpen(FU, caseId, "gjennomfore-oppfolging")).isPresent();

        scoreAndMeet(caseId);
        LocalDate due1 = today().plusMonths(2);
        followUpWork.addMeasure(siva(), caseId, "Ny strategi for rekruttering av målbedrifter", "Daglig leder", due1);
        followUpWork.addMeasure(siva(), caseId, "Månedlig rapportering av aktivitet til Siva", "Styreleder", due1.plusMonths(1));
        assertThat(complete(siva(), work, conclusion("fortsette")).valid()).isTrue();

        // one task per measure, each followed to done
        await().atMost(Duration.ofSeconds(20)).until(() -> taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(FU, caseId)
                .stream().filter(t -> t.isOpen() && "folge-opp-tiltak".equals(t.getElementId())).count() == 2);
        List<UserTask> measureTasks = taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(FU, caseId).stream()
                .filter(t -> t.isOpen() && "folge-opp-tiltak".equals(t.getElementId())).toList();
        assertThat(measureTasks).extracting(UserTask::getName).anyMatch(n -> n.startsWith("Tiltak: Ny strategi"));
        assertThat(measureTasks).allMatch(t -> t.getSubjectId() != null && t.getDueAt() != null);
        for (UserTask t : measureTasks) {
            assertThat(complete(siva(), t, Map.of("gjennomfort", "true", "kommentar", "Gjennomført og dokumentert.")).valid())
                    .isTrue();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> followUpWork.measures(caseId).stream()
                .allMatch(FollowUpWork.Measure::done));
        FollowUpCase afterConclusion = cases.findById(caseId).orElseThrow();
        assertThat(afterConclusion.getStatus()).isEqualTo(FollowUpStatus.MEASURES);
        assertThat(afterConclusion.getAnalysisDue()).isEqualTo(today().plusYears(1));
        assertThat(mails(caseId, "continue")).isNotEmpty();

        // nothing until the year has passed; then the limited analysis
        advance(Duration.ofDays(300));
        assertThat(findOpen(FU, caseId, "begrenset-analyse")).isEmpty();
        moveClockTo(afterConclusion.getAnalysisDue().atTime(9, 0).atZone(OSLO).toInstant());
        UserTask analysis = awaitOpenTask(FU, caseId, "begrenset-analyse");
        // a real analysis: it concludes only on the year's scores against the programme level
        var noValues = complete(siva(), analysis, Map.of("resultat", "samme-niva", "begrunnelse", "Tiltakene virker."));
        assertThat(noValues.errors()).containsOnlyKeys("resultat");
        // (the programme level needs a programme: three operators with the year's values)
        long third = operators.save(new Operator("912346102", "Tredje Næringshage AS", "46",
                OperatorStatus.ACTIVE, "Sara Saksbehandler", clock.instant())).getId();
        IndicatorData.roundWithValues(differentiation, differentiationAnalysis, diffRounds, siva(), clock.instant(),
                today().getYear(), Map.of(sogn, 3, operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId(), 4,
                        third, 2));
        assertThat(complete(siva(), analysis, Map.of("resultat", "samme-niva", "begrunnelse", "Tiltakene virker.")).valid())
                .isTrue();
        assertThat(cases.findById(caseId).orElseThrow().getAnalysisResult()).startsWith("Begrenset analyse " + today().getYear());
        await().atMost(Duration.ofSeconds(20)).until(() -> cases.findById(caseId).orElseThrow().isClosed());
        assertThat(cases.findById(caseId).orElseThrow().getStatus()).isEqualTo(FollowUpStatus.CONTINUES);
        assertThat(operators.findById(sogn).orElseThrow().getStatus()).isEqualTo(OperatorStatus.ACTIVE);
        // the case is closed in the job; the instance ends once the job's completion reaches the engine
        awaitEnded(cases.findById(caseId).orElseThrow().getProcessInstanceKey());
        BpmnAssert.assertThat(new InspectedProcessInstance(
                cases.findById(caseId).orElseThrow().getProcessInstanceKey())).isCompleted().hasPassedElement("fortsetter");
    }

    @Test
    void eachMessageTriggerOpensOrJoinsTheOneOpenCase() {
        long sogn = sogn();
        // T2: a development dialogue without the desired development raises it (as a message)
        operatorDialogues.recordDialogue(siva(), sogn, today(), true, false, "Ingen økning i målbedrifter.");
        FollowUpCase c = await().atMost(Duration.ofSeconds(20)).until(() -> cases.findOpen(sogn),
                Optional::isPresent).orElseThrow();
        awaitOpenTask(FU, c.getId(), "gjennomfore-oppfolging");
        // T3, T4 as messages, T1 by hand: all join the open case
        triggers.publish(sogn, TriggerType.REPORTING_DEVIATION, "Måltall levert uten revisorbekreftelse.", "rapportering-77",
                "system");
        triggers.publish(sogn, TriggerType.DIFFERENTIATION, "Negativ utvikling på tre kriterier.", "differensiering-2026",
                "system");
        triggers.publish(sogn, TriggerType.DIFFERENTIATION, "Negativ utvikling på tre kriterier.", "differensiering-2026",
                "system");   // the same message again: one trigger
        FollowUpService.Raised manual = service.start(siva(), sogn, "Svak leveranse etter Sivas vurdering.");
        assertThat(manual.opened()).isFalse();
        assertThat(manual.caseId()).isEqualTo(c.getId());
        await().atMost(Duration.ofSeconds(20)).until(() -> service.triggers(c.getId()).size() == 4);
        assertThat(service.triggers(c.getId())).extracting(FollowUpService.Trigger::type).containsExactlyInAnyOrder(
                TriggerType.DEVELOPMENT_DIALOGUE, TriggerType.REPORTING_DEVIATION, TriggerType.DIFFERENTIATION,
                TriggerType.UNDERPERFORMANCE);
        assertThat(cases.findByOperatorIdOrderByStartedAtDesc(sogn)).hasSize(1);
        assertThat(EngineRecords.messagesPublished(engine, FollowUpTriggers.MESSAGE, Long.toString(sogn))).isEqualTo(3);
        assertThat(taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(FU, c.getId())).filteredOn(UserTask::isOpen).hasSize(1);
        // the trigger instances are short and done; one follow-up process
        assertThat(jdbc.sql("select count(distinct process_instance_key) from follow_up_case").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aDeviationMarkedInSivasReviewOfTheReporting_raisesAFollowUp() {
        long sogn = sogn();
        // The coming reporting year: all its deadlines, the budget's of 1 December included, lie ahead on any day
        // the test runs (this year's budget is not opened once 1 December has passed).
        int year = today().getYear() + 1;
        long yearId = reporting.startYear(sogn, year).orElseThrow();
        ReportingService.Row budget = await().atMost(Duration.ofSeconds(20)).until(() -> reporting.forOperator(sogn, year)
                .stream().filter(r -> r.code() == Obligation.BUDGET_NEXT_YEAR).findFirst(),
                Optional::isPresent).orElseThrow();
        UserTask deliver = await().atMost(Duration.ofSeconds(20)).until(() -> taskRows.findAll().stream()
                .filter(t -> t.isOpen() && "levere".equals(t.getElementId()) && Long.valueOf(budget.id()).equals(t.getSubjectId()))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(complete(user(DemoUsers.OPERATOR_USER), deliver, Map.of("arslonn", "900000", "stillingsprosent", "100",
                "timepris", "1080", "timer", "1695", "belop", "2 400 000", "levert", "true")).valid())
                .isTrue();
        UserTask review = await().atMost(Duration.ofSeconds(20)).until(() -> taskRows.findAll().stream()
                .filter(t -> t.isOpen() && "kontrollere".equals(t.getElementId()) && Long.valueOf(budget.id()).equals(t.getSubjectId()))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(complete(siva(), review, Map.of("vurdering", "avvist", "begrunnelse", "Budsjettet mangler timeføring.",
                "avvik", "true")).valid()).isTrue();
        FollowUpCase c = await().atMost(Duration.ofSeconds(20)).until(() -> cases.findOpen(sogn),
                Optional::isPresent).orElseThrow();
        assertThat(service.triggers(c.getId())).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TriggerType.REPORTING_DEVIATION);
            assertThat(t.evidence()).contains("Budsjettet mangler timeføring");
        });
        assertThat(yearId).isPositive();
    }

    @Test
    void threeMonthReminderAndSixMonthEscalation_eachOnce() {
        FollowUpService.Raised r = service.start(siva(), sogn(), "Svak leveranse.");
        long caseId = r.caseId();
        UserTask work = awaitOpenTask(FU, caseId, "gjennomfore-oppfolging");
        tasks.claim(siva(), work.getId());
        advance(Duration.ofDays(80));
        assertThat(mails(caseId, "reminder")).isEmpty();
        FollowUpCase c = cases.findById(caseId).orElseThrow();
        moveClockTo(c.getReminderAt().plusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(caseId, "reminder").size() == 1);
        assertThat(mails(caseId, "reminder").get(0).getRecipient()).isEqualTo("sara.saksbehandler@siva.no");
        assertThat(mails(caseId, "escalation")).isEmpty();
        moveClockTo(c.getEscalateAt().plusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails(caseId, "escalation").isEmpty());
        assertThat(mails(caseId, "escalation")).extracting(OutboxMessage::getRecipient).contains("per.prosjektleder@siva.no");
        advance(Duration.ofDays(40));
        assertThat(mails(caseId, "reminder")).hasSize(1);
        assertThat(mails(caseId, "escalation")).hasSize(mails(caseId, "escalation").stream().map(OutboxMessage::getRecipient)
                .distinct().toList().size());
        assertThat(findOpen(FU, caseId, "gjennomfore-oppfolging")).isPresent();   // the case waits for its conclusion
        assertThat(EngineRecords.pendingTimers(engine, c.getProcessInstanceKey())).isZero();
        // six calendar months on (from 31 December: 30 June, the last day of the month)
        assertThat(c.getEscalateAt().atZone(OSLO).toLocalDate())
                .isEqualTo(c.getStartedAt().atZone(OSLO).toLocalDate().plusMonths(6));
    }

    @Test
    void terminate_afterTheCountysConsultation_windsDownTheOperator_andLeavesNothingOpenButTheWindDown() {
        long sogn = sogn();
        LiveWork live = liveWork(sogn);
        int year = live.year();
        long yearId = live.yearId();
        TargetCompany active = live.active();
        TargetCompany inAdmission = live.inAdmission();

        long caseId = service.start(siva(), sogn, "Vesentlig svakere leveranser enn forventet over tid.").caseId();
        UserTask work = awaitOpenTask(FU, caseId, "gjennomfore-oppfolging");
        scoreAndMeet(caseId);
        assertThat(complete(siva(), work, conclusion("avslutte")).valid()).isTrue();

        // the county is consulted; first it does not support termination: back to Siva
        UserTask consult = awaitOpenTask(FU, caseId, "samrad-fylket");
        assertThat(consult.candidateGroupList()).containsExactly("fylke-46");
        assertThat(outbox.findByCaseTypeAndCaseIdOrderById(FU, caseId)).anyMatch(m -> m.getDedupKey().contains(":consultation-"));
        assertThat(complete(vestland(), consult, Map.of("standpunkt", "stotter-ikke", "begrunnelse", "Gi dem et halvår til."))
                .valid()).isTrue();
        UserTask again = awaitOpenTask(FU, caseId, "gjennomfore-oppfolging");
        assertThat(cases.findById(caseId).orElseThrow().getStatus()).isEqualTo(FollowUpStatus.OPEN);
        assertThat(operators.findById(sogn).orElseThrow().getStatus()).isEqualTo(OperatorStatus.IN_FOLLOW_UP);
        assertThat(complete(siva(), again, conclusion("avslutte")).valid()).isTrue();
        UserTask consult2 = awaitOpenTask(FU, caseId, "samrad-fylket");
        assertThat(complete(vestland(), consult2, Map.of("standpunkt", "stotter", "begrunnelse", "Enig etter ny vurdering."))
                .valid()).isTrue();

        // revoked, terminated, reporting stopped, target companies wound down
        awaitOpenTask(FU, caseId, "kontrollere-avvikling");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> companies.findById(active.getId()).orElseThrow().getStatus() == TargetCompanyStatus.EXITED);
        assertThat(operators.findById(sogn).orElseThrow().getStatus()).isEqualTo(OperatorStatus.TERMINATED);
        assertThat(agreements.findByOperatorId(sogn).orElseThrow().getRevokedOn()).isEqualTo(today());
        assertThat(cases.findById(caseId).orElseThrow().getStatus()).isEqualTo(FollowUpStatus.TERMINATED);
        assertThat(companies.findById(active.getId()).orElseThrow().getExitReason()).isEqualTo(ExitReason.OPERATOR_TERMINATED);
        assertThat(companies.findById(inAdmission.getId()).orElseThrow().getStatus()).isEqualTo(TargetCompanyStatus.EXITED);
        awaitOpenTask(TargetCompanyService.CASE_TYPE, active.getId(), "registrere-exit-portal");
        assertThat(reporting.forOperator(sogn, year)).isNotEmpty()
                .allMatch(r -> r.done() || r.canceled()).noneMatch(r -> r.overdue(today().plusYears(1)));
        assertThat(mails(caseId, "terminated")).extracting(OutboxMessage::getRecipient).contains("ola@sognnh.no");
        var letter = documents.forCase(FU, caseId).stream().filter(d -> d.getKind().equals("AVSLUTNINGSBREV")).findFirst()
                .orElseThrow();
        try (var pdf = Loader.loadPDF(letter.getContent())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Samarbeidet i Næringshageprogrammet avsluttes", "Sogn Næringshage AS",
                    "Rapporteringsfristene i Næringshageprogrammet bortfaller fra i dag", "Vurdert etter møtene og scoreboardet.",
                    "Enig etter ny vurdering.");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(documents.forCase(FU, caseId)).extracting(Document::getKind)
                .containsExactlyInAnyOrder("OPPFOLGINGSBREV", "AVSLUTNINGSBREV");
        assertThat(reporting.startYear(sogn, year + 1)).isEmpty();   // no new calendar for a terminated operator
        Assertions.assertThatThrownBy(() -> service.raise(sogn, TriggerType.DIFFERENTIATION,
                "Ny analyse.", "etter-avslutning", "system")).isInstanceOf(BusinessRuleException.class);
        // nothing of the operator stays open but the wind-down
        List<String> openOfOperator = taskRows.findAll().stream().filter(UserTask::isOpen)
                .filter(t -> Long.valueOf(sogn).equals(t.getOperatorId()) || t.getCandidateGroups().contains("operator-" + sogn)
                        || (FU.equals(t.getCaseType()) && t.getCaseId() == caseId)
                        || (ReportingService.CASE_TYPE.equals(t.getCaseType()) && t.getCaseId() == yearId))
                .map(UserTask::getElementId).distinct().sorted().toList();
        assertThat(openOfOperator).isSubsetOf("kontrollere-avvikling", "registrere-exit-portal", "registrere-opptak-portal")
                .contains("kontrollere-avvikling", "registrere-exit-portal");
        assertThat(EngineRecords.pendingTimerElements(engine)).isSubsetOf("exit-undersokelse");

        // the check closes the case's process
        assertThat(complete(siva(), awaitOpenTask(FU, caseId, "kontrollere-avvikling"), Map.of("kontrollert", "true")).valid())
                .isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> findOpen(FU, caseId, "kontrollere-avvikling").isEmpty());
    }

    /**
     * An instance started on the model as it was before 7 December 2026 (one job, {@code followup.terminate}, for the
     * whole termination) still ends as the current model's seven tasks end ({@link EarlierTerminationWorker}).
     */
    @Test
    @TestDate("2027-03-15")
    void anInstanceOfTheEarlierVersion_atItsOneJobTermination_isTerminatedAsTheCurrentModelTerminates() {
        long sogn = sogn();
        LiveWork work = liveWork(sogn);

        // the case as the earlier version left it: its instance waits before «Opphev samarbeidsavtalen og avvikle»
        long caseId = service.start(siva(), sogn, "Vesentlig svakere leveranser over tid.").caseId();
        awaitOpenTask(FU, caseId, "gjennomfore-oppfolging");
        client.newCancelInstanceCommand(cases.findById(caseId).orElseThrow().getProcessInstanceKey()).send().join();
        long earlier = client.newDeployResourceCommand().addResourceFromClasspath(EARLIER_MODEL).send().join()
                .getProcesses().getFirst().getProcessDefinitionKey();
        client.newCreateInstanceCommand().processDefinitionKey(earlier).variables(Map.of("caseId", caseId, "operatorId", sogn))
                .startBeforeElement("avslutte-samarbeid").send().join();

        // revoked, terminated, reporting stopped, target companies wound down, closed, the letter written and sent
        awaitOpenTask(FU, caseId, "kontrollere-avvikling");
        await().atMost(Duration.ofSeconds(20)).until(() -> companies.findById(work.active().getId()).orElseThrow()
                .getStatus() == TargetCompanyStatus.EXITED);
        assertThat(companies.findById(work.active().getId()).orElseThrow().getExitReason())
                .isEqualTo(ExitReason.OPERATOR_TERMINATED);
        // the company still in admission is out too, and its open task has left the list
        assertThat(companies.findById(work.inAdmission().getId()).orElseThrow().getStatus())
                .isEqualTo(TargetCompanyStatus.EXITED);
        assertThat(findOpen(TargetCompanyService.CASE_TYPE, work.inAdmission().getId(), "kartlegge-behov")).isEmpty();
        assertThat(agreements.findByOperatorId(sogn).orElseThrow().getRevokedOn()).isEqualTo(today());
        assertThat(operators.findById(sogn).orElseThrow().getStatus()).isEqualTo(OperatorStatus.TERMINATED);
        assertThat(cases.findById(caseId).orElseThrow().getStatus()).isEqualTo(FollowUpStatus.TERMINATED);
        assertThat(reporting.forOperator(sogn, work.year())).isNotEmpty().allMatch(r -> r.done() || r.canceled());
        assertThat(findOpen(ReportingService.CASE_TYPE, work.yearId(), "levere")).isEmpty();
        // every job is delivered twice in tests: the trail says once that the reporting stopped
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(OperatorService.CASE_TYPE, sogn, "REPORTING_STOPPED"))
                .isEqualTo(1);
        assertThat(documents.forCase(FU, caseId)).extracting(Document::getKind).contains("AVSLUTNINGSBREV");
        assertThat(mails(caseId, "terminated")).extracting(OutboxMessage::getRecipient).contains("ola@sognnh.no");
    }
}
