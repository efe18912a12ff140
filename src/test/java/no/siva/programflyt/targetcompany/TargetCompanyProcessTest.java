package no.siva.programflyt.targetcompany;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.spring.test.ZeebeTestThreadSupport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.support.BrregStub;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A target company through its lifecycle on the in-memory engine, with the real workers and task list: admission
 * (eligible, refused, reviewed), the yearly cycle with the self-declaration renewal before two years, the surveys,
 * and each way out.
 */
class TargetCompanyProcessTest extends ProcessTestBase {

    private static final String TC = TargetCompanyService.CASE_TYPE;
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Autowired
    TargetCompanyService service;
    @Autowired
    TargetCompanyRepository companies;
    @Autowired
    OperatorRepository operators;
    @Autowired
    JdbcClient jdbc;

    private long sogn() {
        return operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
    }

    private CurrentUser staff() {
        return user(DemoUsers.OPERATOR_USER);
    }

    private TargetCompany register(String org) {
        return service.register(staff(), sogn(), org, "Målbedrift " + org + " AS", "post@mb.example.no");
    }

    private TargetCompany admit(String org, LocalDate start, LocalDate end) {
        return admitTargetCompany(staff(), sogn(), org, start, end);
    }

    private void completeDialogue(TargetCompany c) {
        UserTask dialogue = awaitOpenTask(TC, c.getId(), "utviklingssamtale");
        assertThat(complete(staff(), dialogue, Map.of("samtaledato", today().toString(), "srl", "4",
                "taksonomi", "ingen", "behovNeste", "Mer eksport.")).valid()).isTrue();
    }

    /** To one o'clock in the night of {@code date}, Oslo time. */
    private void moveClockTo(LocalDate date) {
        moveClockTo(date.atStartOfDay(OSLO).toInstant().plusSeconds(3600));
    }

    private List<String> surveys(TargetCompany c) {
        return jdbc.sql("select form || ' ' || to_char(dispatch_month, 'YYYY-MM') || ' ' || register_by from survey_dispatch "
                + "where target_company_id = ? order by dispatch_month, form").param(c.getId()).query(String.class).list();
    }

    @Test
    void eligibleCompanyIsAdmitted_withItsStartSurveyAndPortalDeadline() {
        LocalDate start = LocalDate.of(2026, 11, 23);
        TargetCompany c = admit("912345742", start, start.plusYears(3));

        assertThat(c.getStatus()).isEqualTo(TargetCompanyStatus.ACTIVE);
        assertThat(c.getSme()).isTrue();
        assertThat(c.getEnterpriseCategory()).isEqualTo("INDEPENDENT");
        assertThat(c.getSelfDeclarationValidUntil()).isEqualTo(start.plusYears(2).minusDays(1));
        assertThat(c.getAidIntensityPercent()).isEqualByComparingTo("60");
        UserTask portal = awaitOpenTask(TC, c.getId(), "registrere-opptak-portal");
        assertThat(portal.getDueAt().atZone(OSLO).toLocalDate()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(surveys(c)).containsExactly("START 2027-03 2027-02-28");
        awaitOpenTask(TC, c.getId(), "utviklingssamtale");
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).isActive().hasPassedElement("opptak");
    }

    @Test
    void needsMappingStartsFromTheLatestAccountsInRegnskapsregisteret() {
        TargetCompany c = register("912345742");
        UserTask mapping = awaitOpenTask(TC, c.getId(), "kartlegge-behov");
        var prefilled = tasks.initialSubmission(mapping);
        assertThat(prefilled.rawFirst("regnskapsar")).isEqualTo("2024");
        assertThat(prefilled.rawFirst("omsetning")).isEqualTo("7800000");
        assertThat(prefilled.rawFirst("balanse")).isEqualTo("4200000");
        assertThat(prefilled.rawFirst("egenkapital")).isEqualTo("950000");
        assertThat(prefilled.rawFirst("aksjekapital")).isEqualTo("100000");
        BrregStub.outage();   // the accounts register down: the form starts empty, nothing fails
        assertThat(tasks.initialSubmission(mapping).rawFirst("omsetning")).isEmpty();
    }

    @Test
    void asaIsRefusedAtAdmission() {
        TargetCompany c = register(BrregStub.ASA);
        complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), targetCompanyMapping());
        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), java.time.Duration.ofSeconds(20));
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).hasPassedElement("ikke-tatt-opp")
                .hasNotPassedElement("aktivt-ar");
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(TargetCompanyStatus.REFUSED);
        assertThat(done.getEligibilitySummary()).contains("Allmennaksjeselskap (ASA)");
    }

    @Test
    void publicOwnershipAndLargeGroupsAreRefused_withTheReasonOnTheCase() {
        TargetCompany c = register("912345815");
        Map<String, String> v = targetCompanyMapping();
        v.put("virksomheter", "Storby kommune; 0; 0; 0; offentlig\nKonsernet AS; 400; 900000000; 500000000");
        v.put("eierskap", "Storby kommune; M; 30\nKonsernet AS; M; 20");
        complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), v);
        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), java.time.Duration.ofSeconds(20));
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(TargetCompanyStatus.REFUSED);
        assertThat(done.getPublicPercent()).isEqualByComparingTo("30");
        assertThat(done.getEligibilitySummary()).contains("Offentlige organer eier 30 %");
    }

    /** Each exclusion of §4.3 and §14, through the process: refused, with its reason on the case. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "bank          | 912346226 | innovasjonsselskap=false | Banker og forsikringsselskap",
            "innovation    | 912345742 | innovasjonsselskap=true  | Andre innovasjonsselskap",
            "recovery      | 912345742 | tilbakebetalingskrav=true | utestående krav om tilbakebetaling",
            "insolvency    | 912345742 | gjeldsforhandling=true   | konkurs eller gjeldsforhandling",
            "notSme        | 912345742 | arsverk=260,smbForrigeAr=nei | ikke en SMB (alternativ 1",
            "capitalLost   | 912345742 | egenkapital=40000        | Mellombalanse må legges fram",
            "bankrupt      | 912346161 | innovasjonsselskap=false | konkurs eller gjeldsforhandling",
            "takeover      | 912345742 | oppkjopt=true            | kjøpt opp av et stort konsern",
    })
    void eachExclusionIsRefused(String name, String org, String change, String reason) {
        TargetCompany c = register(org);
        Map<String, String> v = targetCompanyMapping();
        for (String pair : change.split(",")) {
            String[] kv = pair.split("=");
            if (!kv[1].equals("false")) {
                v.put(kv[0], kv[1]);
            }
        }
        assertThat(complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), v).valid()).isTrue();
        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), java.time.Duration.ofSeconds(20));
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).hasPassedElement("ikke-tatt-opp")
                .hasNotPassedElement("aktivt-ar");
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(TargetCompanyStatus.REFUSED);
        assertThat(done.getEligibilitySummary()).contains(reason);
    }

    @Test
    void oneYearAboveTheThresholdsAfterAnSmeYear_isStillAnSme() {
        TargetCompany c = register("912345742");
        Map<String, String> v = targetCompanyMapping();
        v.put("arsverk", "260");
        v.put("smbForrigeAr", "ja");
        complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), v);
        awaitOpenTask(TC, c.getId(), "egenerklaering");
        assertThat(companies.findById(c.getId()).orElseThrow().getSme()).isTrue();
    }

    /** The start survey and the portal deadline for an agreement starting in each quarter of the guide's table. */
    @org.junit.jupiter.params.ParameterizedTest(name = "start {0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "2027-01-15, START 2027-03 2027-02-28, 2027-02-28",
            "2027-04-01, START 2027-06 2027-05-31, 2027-05-31",
            "2027-07-31, START 2027-09 2027-08-31, 2027-08-31",
            "2027-10-10, START 2027-12 2027-11-30, 2027-11-30",
    })
    void surveyDispatchForEachQuarter(LocalDate start, String survey, LocalDate registerBy) {
        TargetCompany c = admit("912345742", start, start.plusYears(2));
        assertThat(awaitOpenTask(TC, c.getId(), "registrere-opptak-portal").getDueAt().atZone(OSLO).toLocalDate())
                .isEqualTo(registerBy);
        assertThat(surveys(c)).containsExactly(survey);
    }

    @Test
    void badOwnershipLinesAreRefusedAtTheFieldWithTheLine() {
        TargetCompany c = register("912345882");
        UserTask mapping = awaitOpenTask(TC, c.getId(), "kartlegge-behov");
        Map<String, String> v = targetCompanyMapping();
        v.put("virksomheter", "Eier AS; 10; 1000; 1000\nEier AS; 5; 1; 1");
        v.put("eierskap", "Eier AS; M; 130");
        var result = complete(staff(), mapping, v);
        assertThat(result.valid()).isFalse();
        assertThat(result.errors().get("virksomheter")).isEqualTo("Linje 2: navnet «Eier AS» mangler, er M eller er brukt før.");
        assertThat(result.errors().get("eierskap")).isEqualTo("Linje 1: andelen må være et tall fra 0 til 100.");
        assertThat(taskRows.findById(mapping.getId()).orElseThrow().isOpen()).isTrue();
    }

    @Test
    void foundationNeedsAManualReviewBySiva() {
        TargetCompany c = register(BrregStub.FOUNDATION);
        complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), targetCompanyMapping());
        UserTask review = awaitOpenTask(TC, c.getId(), "vurdere-kvalifisering");
        assertThat(review.candidateGroupList()).containsExactly("siva-saksbehandler");
        assertThat(companies.findById(c.getId()).orElseThrow().getStatus()).isEqualTo(TargetCompanyStatus.ELIGIBILITY_REVIEW);
        complete(user(DemoUsers.CASE_HANDLER), review, Map.of("konklusjon", "kvalifisert",
                "begrunnelse", "Stiftelsen driver næringsvirksomhet i marked."));
        awaitOpenTask(TC, c.getId(), "egenerklaering");
    }

    @Test
    void selfDeclarationIsRenewedBeforeTwoYears_andThePlannedEndExits() {
        LocalDate start = today();
        TargetCompany c = admit("912345955", start, start.plusYears(3).minusDays(1));
        // year 1: no renewal; the dialogue, then the year ends at the anniversary
        completeDialogue(c);
        assertThat(findOpen(TC, c.getId(), "fornye-egenerklaering")).isEmpty();
        moveClockTo(start.plusYears(1));
        // year 2: the self-declaration (valid until start + 2 years - 1 day) falls due: a reminder 30 days before
        completeDialogue(c);
        moveClockTo(start.plusYears(2).minusDays(40));
        assertThat(findOpen(TC, c.getId(), "fornye-egenerklaering")).isEmpty();
        moveClockTo(start.plusYears(2).minusDays(30));
        UserTask renewal = awaitOpenTask(TC, c.getId(), "fornye-egenerklaering");
        assertThat(outbox.findByCaseTypeAndCaseIdOrderById(TC, c.getId())).singleElement().satisfies(m -> {
            assertThat(m.getRecipient()).isEqualTo("ola@sognnh.no");
            assertThat(m.getSubject()).isEqualTo("Egenerklæringen for Målbedrift 912345955 AS må fornyes");
        });
        assertThat(renewal.getDueAt().atZone(OSLO).toLocalDate()).isEqualTo(start.plusYears(2).minusDays(1));
        LocalDate signed = start.plusYears(2).minusDays(20);
        complete(staff(), renewal, Map.of("bekreftSmb", "true", "kategori", "uavhengig", "bekreftIkkeVansker", "true",
                "bekreftIngenKrav", "true", "annenStotte", "nei", "signertDato", signed.toString(),
                "signertAv", "Kari Daglig Leder"));
        // two years from the new signing (counted from it: from a leap day, start + 4 years - 21 days is a day later)
        assertThat(companies.findById(c.getId()).orElseThrow().getSelfDeclarationValidUntil())
                .isEqualTo(signed.plusYears(2).minusDays(1));
        moveClockTo(start.plusYears(2));
        // year 3: the last; it ends with the agreement, and the company exits as planned
        completeDialogue(c);
        moveClockTo(start.plusYears(3));
        UserTask exitPortal = awaitOpenTask(TC, c.getId(), "registrere-exit-portal");
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(TargetCompanyStatus.EXITED);
        assertThat(done.getExitReason()).isEqualTo(ExitReason.PLANNED_END);
        assertThat(done.getExitDate()).isEqualTo(start.plusYears(3).minusDays(1));
        assertThat(surveys(c)).anyMatch(s -> s.startsWith("ONGOING")).anyMatch(s -> s.startsWith("EXIT"));
        complete(staff(), exitPortal, Map.of("registrert", "true"));
        complete(staff(), awaitOpenTask(TC, c.getId(), "registrere-opptak-portal"), Map.of("registrert", "true"));
        moveClockTo(start.plusYears(3).plusMonths(5));
        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), java.time.Duration.ofSeconds(20));
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).hasPassedElement("bestille-exit-undersokelse");
        assertThat(jdbc.sql("select count(*) from survey_dispatch where target_company_id = ? and form = 'EXIT' and ordered_at is not null")
                .param(c.getId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void earlyTerminationByTheOperator_exitsOnTheGivenDate() {
        LocalDate start = LocalDate.of(2026, 2, 10);
        TargetCompany c = admit("912346234", start, start.plusYears(3));
        awaitOpenTask(TC, c.getId(), "utviklingssamtale");
        service.requestExit(staff(), c.getId(), ExitReason.EARLY_TERMINATION, LocalDate.of(2026, 9, 30));
        service.requestExit(staff(), c.getId(), ExitReason.EARLY_TERMINATION, LocalDate.of(2026, 9, 30));   // twice: one exit
        UserTask exitPortal = awaitOpenTask(TC, c.getId(), "registrere-exit-portal");
        assertThat(exitPortal.getDueAt().atZone(OSLO).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getExitReason()).isEqualTo(ExitReason.EARLY_TERMINATION);
        assertThat(done.getExitDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(findOpen(TC, c.getId(), "utviklingssamtale")).isEmpty();   // the year was interrupted
        assertThat(surveys(c)).contains("EXIT 2026-12 2026-11-30");
    }

    @Test
    void bankruptcyInTheRegister_endsTheAgreementAtTheNextYearStart() {
        LocalDate start = today();
        TargetCompany c = admit("912346242", start, start.plusYears(3));
        completeDialogue(c);
        BrregStub.goesBankrupt("912346242");
        moveClockTo(start.plusYears(1));
        awaitOpenTask(TC, c.getId(), "registrere-exit-portal");
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getExitReason()).isEqualTo(ExitReason.BANKRUPTCY);
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).hasPassedElement("avslutte-konkurs");
    }

    @Test
    void lossOfSmeStatusTakeoverAndTheOperatorsTerminationAreExitReasons() {
        LocalDate start = LocalDate.of(2026, 5, 1);
        TargetCompany a = admit("912346250", start, start.plusYears(3));
        TargetCompany b = admit("912346269", start, start.plusYears(3));
        TargetCompany d = admit("912346277", start, start.plusYears(3));
        service.requestExit(staff(), a.getId(), ExitReason.NO_LONGER_SME, LocalDate.of(2026, 12, 31));
        service.requestExit(user(DemoUsers.CASE_HANDLER), b.getId(), ExitReason.TAKEOVER, LocalDate.of(2026, 8, 15));
        service.requestExit(user(DemoUsers.CASE_HANDLER), d.getId(), ExitReason.OPERATOR_TERMINATED, LocalDate.of(2026, 9, 1));
        awaitOpenTask(TC, a.getId(), "registrere-exit-portal");
        awaitOpenTask(TC, b.getId(), "registrere-exit-portal");
        awaitOpenTask(TC, d.getId(), "registrere-exit-portal");
        assertThat(companies.findById(a.getId()).orElseThrow().getExitReason()).isEqualTo(ExitReason.NO_LONGER_SME);
        assertThat(companies.findById(b.getId()).orElseThrow().getExitReason()).isEqualTo(ExitReason.TAKEOVER);
        assertThat(companies.findById(d.getId()).orElseThrow().getExitReason()).isEqualTo(ExitReason.OPERATOR_TERMINATED);
    }
}
