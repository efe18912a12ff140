package no.siva.programflyt.admission;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.spring.test.ZeebeTestThreadSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.audit.AuditRepository;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.documents.Document;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.notifications.OutboxMessage;
import no.siva.programflyt.registry.CooperationAgreement;
import no.siva.programflyt.registry.CooperationAgreementRepository;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorOnboarding;
import no.siva.programflyt.registry.OperatorOnboardingRepository;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.support.BrregStub;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.tasks.UserTask;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
    @Autowired
    CooperationAgreementRepository agreements;
    @Autowired
    OperatorOnboardingRepository onboarding;
    @Autowired
    DocumentService documents;
    @Autowired
    AdmissionSteps steps;

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

        // the admitted operator's onboarding tasks go to its own staff
        UserTask budget = awaitOpenTask(ADMISSION, c.getId(), "budsjett-timepris");
        Operator operator = operators.findByOrgNumber("912345742").orElseThrow();
        CurrentUser staff = operatorUser(operator);
        assertThat(budget.candidateGroupList()).containsExactly("operator-" + operator.getId());
        FormSubmission tooHigh = complete(staff, budget, Map.of("arslonn", "500000", "stillingsprosent", "100",
                "timepris", "700", "timer", "1695", "budsjett", "1186500"));
        assertThat(tooHigh.valid()).isFalse();
        assertThat(tooHigh.errors().get("timepris")).startsWith("Timeprisen er høyere enn taket på 600\u00a0kr.");
        // a 60 % position gives 1 017 of the year's 1 695 hours (§10.4), and the budget covers hours × rate
        FormSubmission tooManyHours = complete(staff, budget, Map.of("arslonn", "600000", "stillingsprosent", "60",
                "timepris", "1100", "timer", "1695", "budsjett", "1000000"));
        assertThat(tooManyHours.errors()).containsOnlyKeys("timer", "budsjett");
        assertThat(tooManyHours.errors().get("timer")).contains("60 %").contains("1017 timer");
        assertThat(tooManyHours.errors().get("budsjett")).contains("1\u00a0864\u00a0500\u00a0kr");
        assertThat(complete(staff, budget, Map.of("arslonn", "600000", "stillingsprosent", "60",
                "timepris", "1100", "timer", "1017", "budsjett", "1118700")).valid()).isTrue();
        assertThat(complete(staff, awaitOpenTask(ADMISSION, c.getId(), "kontaktpersoner"), Map.of("kontaktNavn", "Kari Leder",
                "kontaktEpost", "kari@nordfjord.example.no", "kontaktTelefon", "+47 912 34 567")).valid()).isTrue();
        assertThat(complete(staff, awaitOpenTask(ADMISSION, c.getId(), "etiske-retningslinjer"), Map.of(
                "etiskeRetningslinjer", "true", "habilitetsrutiner", "true")).valid()).isTrue();

        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), Duration.ofSeconds(20));
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey()))
                .hasPassedElementsInOrder("sla-opp-enhetsregisteret", "gjennomfore-forprosjekt", "foresla-tilskudd",
                        "fylkets-vedtak", "ta-opp-operator", "sende-tilsagnsbrev", "starte-rapporteringskalender", "tatt-opp")
                .hasNotPassedElement("avslatt").hasNotPassedElement("ikke-kvalifisert");

        AdmissionCase done = cases.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(AdmissionStatus.ADMITTED);
        assertThat(done.getRegisterStatus()).isEqualTo("FOUND");
        assertThat(done.getRegisterOrgForm()).isEqualTo("AS");
        assertThat(done.getQualified()).isTrue();
        assertThat(done.getAssessedBy()).isEqualTo(DemoUsers.CASE_HANDLER);
        assertThat(done.getCriteria()).hasSize(8).allMatch(AdmissionCriterion::isMet);
        assertThat(done.getProposedGrant()).isEqualByComparingTo("1500000");
        assertThat(done.getProposedBy()).isEqualTo(DemoUsers.CASE_HANDLER);
        assertThat(done.getDecidedGrant()).isEqualByComparingTo(new BigDecimal("1500000"));
        assertThat(done.getDecidedBy()).isEqualTo(DemoUsers.VESTLAND);
        assertThat(done.getDecidedAt()).isNotNull();
        assertThat(done.getCountyReservations()).isEqualTo("Forbehold om statsbudsjettet.");
        assertThat(done.getOnboardingCompletedAt()).isNotNull();

        LocalDate today = today();
        assertThat(operator.getStatus()).isEqualTo(OperatorStatus.ACTIVE);
        assertThat(operator.getCountyCode()).isEqualTo("46");
        assertThat(operator.getPeriodStart()).isEqualTo(today);
        // five years and a possible five more (§12.1), never past the programme's end, 31.12.2032
        LocalDate programmeEnd = LocalDate.of(2032, 12, 31);
        LocalDate fiveYears = Collections.min(List.of(today.plusYears(5).minusDays(1), programmeEnd));
        assertThat(operator.getPeriodEnd()).isEqualTo(fiveYears);
        assertThat(done.getOperatorId()).isEqualTo(operator.getId());
        CooperationAgreement agreement = agreements.findByOperatorId(operator.getId()).orElseThrow();
        assertThat(agreement.getStartDate()).isEqualTo(today);
        assertThat(agreement.getEndDate()).isEqualTo(fiveYears);
        assertThat(agreement.getExtensionUntil()).isEqualTo(programmeEnd);
        OperatorOnboarding onboarded = onboarding.findById(operator.getId()).orElseThrow();
        assertThat(onboarded.getHourlyRate()).isEqualByComparingTo("1100");
        assertThat(onboarded.getHourlyRateCap()).isEqualByComparingTo("1100");
        assertThat(onboarded.getContactEmail()).isEqualTo("kari@nordfjord.example.no");
        assertThat(onboarded.getEthicalGuidelinesConfirmed()).isTrue();

        assertThat(recipients(c)).containsExactlyInAnyOrder(
                "forprosjekt@siva.no",                                   // commission received
                "vilde.radgiver@vlfk.no",                                // proposal to the county
                "vilde.radgiver@vlfk.no", "post@selskap.example.no",     // admitted
                "vilde.radgiver@vlfk.no", "post@selskap.example.no");    // grant letter
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(ADMISSION, c.getId(), "TASK_COMPLETED")).isEqualTo(6);
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(ADMISSION, c.getId(), "COUNTY_APPROVED")).isEqualTo(1);
        assertThat(EngineRecords.messagesPublished(engine, AdmissionWorkers.REPORTING_CALENDAR_MESSAGE,
                Long.toString(operator.getId()))).isEqualTo(1);
    }

    /** The grant letter is a real PDF (parsed back here) with operator, county, amount and period, e-mailed once. */
    @Test
    void grantLetter_isAValidPdfWithOperatorCountyAmountAndPeriod() throws Exception {
        AdmissionCase c = admitThroughCounty("912345955", "Hardanger Vekst AS", "2 250 000");
        Document letter = documents.forCase(ADMISSION, c.getId()).stream()
                .filter(d -> d.getKind().equals(Document.GRANT_LETTER)).findFirst().orElseThrow();
        assertThat(letter.getContentType()).isEqualTo("application/pdf");
        String text;
        try (PDDocument pdf = Loader.loadPDF(letter.getContent())) {
            assertThat(pdf.getNumberOfPages()).isBetween(1, 3);
            text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ');
        }
        LocalDate today = today();
        DateTimeFormatter d = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        assertThat(text).contains("Tilsagnsbrev").contains("Hardanger Vekst AS").contains("912345955")
                .contains("Vestland").contains("2 250 000 kr")
                .contains(d.format(today) + "–" + d.format(today.plusYears(5).minusDays(1)))
                .contains("Forbehold om statsbudsjettet.");

        List<OutboxMessage> mails = outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId()).stream()
                .filter(m -> m.getDedupKey().contains(":grant-letter:")).toList();
        assertThat(mails).extracting(OutboxMessage::getRecipient)
                .containsExactlyInAnyOrder("post@selskap.example.no", "vilde.radgiver@vlfk.no");
        assertThat(mails).allMatch(m -> letter.getId().equals(m.getAttachmentDocumentId()));

        // a second delivery of the job keeps one letter and one e-mail per recipient
        steps.sendGrantLetter(c.getId());
        assertThat(documents.forCase(ADMISSION, c.getId()).stream().filter(x -> x.getKind().equals(Document.GRANT_LETTER)))
                .hasSize(1);
        assertThat(outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId()).stream()
                .filter(m -> m.getDedupKey().contains(":grant-letter:"))).hasSize(2);
    }

    @Test
    void expansionProject_endsInARecommendationWithoutAdmission() {
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        Operator sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow();
        long operatorsBefore = operators.count();
        CommissionForm f = new CommissionForm();
        f.setProjectType(ProjectType.GEOGRAFISK_UTVIDELSE);
        f.setOperatorId(sogn.getId());
        f.setCountyCode("46");
        f.setPilotBudget("400 000");
        f.setPilotEndDate(today().plusMonths(6));
        f.setDescription("Utvidelse til Sunnfjord.");
        AdmissionCase c = admissions.register(vestland, f);
        assertThat(c.getOrgNumber()).isEqualTo(sogn.getOrgNumber());
        assertThat(c.getExpansionOperatorId()).isEqualTo(sogn.getId());

        UserTask project = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-utvidelse");
        assertThat(project.candidateGroupList()).containsExactly("siva-saksbehandler");
        assertThat(complete(user(DemoUsers.CASE_HANDLER), project, Map.of("anbefaling", "viderefore",
                "begrunnelse", "Godt mottatt i Sunnfjord.")).valid()).isTrue();

        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), Duration.ofSeconds(20));
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey()))
                .hasPassedElementsInOrder("gjennomfore-utvidelse", "sende-anbefaling", "anbefaling-gitt")
                .hasNotPassedElement("gjennomfore-forprosjekt").hasNotPassedElement("ta-opp-operator");
        AdmissionCase done = cases.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(AdmissionStatus.RECOMMENDATION_GIVEN);
        assertThat(done.getRecommendation()).isEqualTo("viderefore");
        assertThat(done.getOperatorId()).isNull();
        assertThat(operators.count()).isEqualTo(operatorsBefore);
        assertThat(outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId()).stream()
                .filter(m -> m.getDedupKey().contains(":recommendation:")))
                .extracting(OutboxMessage::getRecipient).containsExactly("vilde.radgiver@vlfk.no");
    }

    @Test
    void jointCommission_isSeenByEveryCommissioningCountyButDecidedByTheLead() {
        CommissionForm f = new CommissionForm();
        f.setProjectType(ProjectType.FORPROSJEKT_OPPTAK);
        f.setOrgNumber("912345815");
        f.setCompanyName("Fjellregionen Næringshage AS");
        f.setCountyCode("46");
        f.setCoCountyCodes(new ArrayList<>(List.of("18")));
        f.setPilotBudget("300000");
        f.setPilotEndDate(today().plusMonths(3));
        AdmissionCase c = admissions.register(user(DemoUsers.VESTLAND), f);
        assertThat(cases.findById(c.getId()).orElseThrow().allCounties()).containsExactly("46", "18");
        assertThat(admissions.visibleTo(user(DemoUsers.NORDLAND))).extracting(AdmissionCase::getId).contains(c.getId());
        assertThat(admissions.getVisible(user(DemoUsers.NORDLAND), c.getId()).getId()).isEqualTo(c.getId());
    }

    @Test
    void registerFindsAsa_prefillsCriterionOneAsNotMetAndFlagsIt() {
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), BrregStub.ASA, "Fjordtest Utvikling ASA", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        AdmissionCase looked = cases.findById(c.getId()).orElseThrow();
        assertThat(looked.getRegisterOrgForm()).isEqualTo("ASA");
        assertThat(looked.getRegisterNace()).isEqualTo("70.220");
        FormSubmission prefilled = tasks.initialSubmission(pilot);
        assertThat(prefilled.rawFirst("kriterium1")).isEqualTo("ikke-oppfylt");
        assertThat(prefilled.rawFirst("begrunnelse1")).contains("ASA").contains("aksjeselskap (AS)");
    }

    /** §4.3: «Qualified» only when all eight admission criteria are met; the task says which are not. */
    @Test
    void qualifiedOnlyWhenAllEightCriteriaAreMet_theTaskSaysWhichAreNot() {
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Kysthagen AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        Map<String, String> v = assessment(true);
        v.put("kriterium2", "ikke-oppfylt");
        v.put("kriterium7", "ikke-oppfylt");
        FormSubmission refused = complete(user(DemoUsers.CASE_HANDLER), pilot, v);
        assertThat(refused.errors()).containsOnlyKeys("konklusjon");
        assertThat(refused.errors().get("konklusjon")).contains("2. Utbetaler ikke utbytte")
                .contains("7. Koblinger til relevante virkemidler").doesNotContain("1. Aksjeselskap");
        assertThat(taskRows.findById(pilot.getId()).orElseThrow().isOpen()).isTrue();
        assertThat(cases.findById(c.getId()).orElseThrow().getCriteria()).isEmpty();
        v.put("konklusjon", "ikke-kvalifisert");
        assertThat(complete(user(DemoUsers.CASE_HANDLER), pilot, v).valid()).isTrue();
    }

    @Test
    void registerSaysUnknown_isRecordedAndFlaggedNeverPassed() {
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), BrregStub.UNKNOWN, "Finnes Ikke AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        assertThat(cases.findById(c.getId()).orElseThrow().getRegisterStatus()).isEqualTo("NOT_FOUND");
        assertThat(tasks.initialSubmission(pilot).rawFirst("kriterium1")).isEqualTo("ikke-oppfylt");
        assertThat(auditRows.findByCaseTypeAndCaseIdOrderByOccurredAtAscIdAsc(ADMISSION, c.getId()))
                .anyMatch(e -> e.getSummary().contains("ikke registrert"));
    }

    @Test
    void notQualified_endsWithReasonedLetterToCountyAndCompany() {
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        AdmissionCase c = commission(vestland, "912345815", "Fjordtest AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        assertThat(complete(user(DemoUsers.CASE_HANDLER), pilot, assessment(false)).valid()).isTrue();

        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), Duration.ofSeconds(20));
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

        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), Duration.ofSeconds(20));
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

    /** Runs a pilot project to the county's approval and waits until the grant letter is sent. */
    private AdmissionCase admitThroughCounty(String org, String name, String grant) {
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(vestland, org, name, "46");
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt"), assessment(true));
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd"),
                Map.of("foreslattTilskudd", grant, "begrunnelse", "Begrunnet."));
        complete(vestland, awaitOpenTask(ADMISSION, c.getId(), "fylkets-vedtak"), Map.of("vedtak", "godkjent",
                "vedtattTilskudd", grant, "forbehold", "Forbehold om statsbudsjettet.", "begrunnelse", "Ja."));
        awaitOpenTask(ADMISSION, c.getId(), "budsjett-timepris");
        return cases.findById(c.getId()).orElseThrow();
    }

    private List<String> recipients(AdmissionCase c) {
        return outbox.findByCaseTypeAndCaseIdOrderById(ADMISSION, c.getId()).stream().map(OutboxMessage::getRecipient).toList();
    }
}
