package no.siva.programflyt.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.StatedDateEngine;
import no.siva.programflyt.support.TestDate;
import no.siva.programflyt.targetcompany.ExitReason;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyRepository;
import no.siva.programflyt.targetcompany.ledger.AidLedger;
import no.siva.programflyt.targetcompany.ledger.CostType;
import no.siva.programflyt.targetcompany.ledger.EurRates;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The calendar pages: locked target figures, the .ics feed, and who sees which operator's calendar. */
@AutoConfigureMockMvc
class ReportingWebTest extends ProcessTestBase {

    /** The year after the suite's date: all its deadlines lie ahead. */
    private static final int YEAR = LocalDate.ofInstant(StatedDateEngine.suiteStart(), ZoneId.of("Europe/Oslo")).getYear() + 1;

    @Autowired
    MockMvc mvc;
    @Autowired
    ReportingService reporting;
    @Autowired
    TargetFigures figures;
    @Autowired
    OperatorRepository operators;

    private RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    @Autowired
    MessageSource messageSource;

    private String messages(String key) {
        return messageSource.getMessage(key, null, NB);
    }

    private long sogn() {
        return operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
    }

    private UserTask open(long obligationId, String element) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> taskRows.findAll().stream()
                .filter(t -> t.isOpen() && Long.valueOf(obligationId).equals(t.getSubjectId()) && element.equals(t.getElementId()))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    @Test
    void targetFiguresCanBeChangedUntilSivaApprovesThem_thenTheyAreLocked() throws Exception {
        reporting.startYear(sogn(), YEAR).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> reporting.forOperator(sogn(), YEAR).size() == 11);
        ReportingService.Row figuresRow = reporting.forOperator(sogn(), YEAR).stream()
                .filter(r -> r.code() == Obligation.TARGET_FIGURES).findFirst().orElseThrow();
        complete(user(DemoUsers.OPERATOR_USER), open(figuresRow.id(), "levere"),
                ReportingCalendarTest.delivery(Obligation.TARGET_FIGURES));

        // before approval the operator may still correct them
        mvc.perform(post("/reporting/target-figures").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("year", Integer.toString(YEAR)).param("f.nyeMalbedrifter", "14"))
                .andExpect(status().is3xxRedirection());
        assertThat(figures.find(sogn(), YEAR).orElseThrow().values()).containsEntry("nyeMalbedrifter", "14");

        // Siva sends them back once, then approves: locked
        complete(user(DemoUsers.CASE_HANDLER), open(figuresRow.id(), "kontrollere"),
                Map.of("vurdering", "avvist", "begrunnelse", "Andelen med innovasjonsstøtte må være minst 90 %."));
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.findByCaseTypeAndCaseIdOrderById(ReportingService.CASE_TYPE,
                figuresRow.reportingYearId()).stream().anyMatch(m -> m.getDedupKey().contains(":rejected-")));
        complete(user(DemoUsers.OPERATOR_USER), open(figuresRow.id(), "levere"),
                ReportingCalendarTest.delivery(Obligation.TARGET_FIGURES));
        complete(user(DemoUsers.CASE_HANDLER), open(figuresRow.id(), "kontrollere"), Map.of("vurdering", "godkjent"));
        await().atMost(Duration.ofSeconds(20)).until(() -> reporting.row(figuresRow.id()).done());
        assertThat(figures.find(sogn(), YEAR).orElseThrow().locked()).isTrue();

        mvc.perform(post("/reporting/target-figures").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("year", Integer.toString(YEAR)).param("f.nyeMalbedrifter", "99"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Måltallene for " + YEAR + " er godkjent og låst, og kan ikke endres.")));
        assertThat(figures.find(sogn(), YEAR).orElseThrow().values().get("nyeMalbedrifter")).hasToString("12");
        mvc.perform(get("/reporting/target-figures").param("year", Integer.toString(YEAR)).with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(content().string(containsString("godkjent av Siva og låst")))
                .andExpect(content().string(not(containsString("Lagre endringene"))));
    }

    @Autowired
    TargetCompanyRepository companies;
    @Autowired
    AidLedger ledger;
    @Autowired
    EurRates rates;

    /** §11.2: «Siva har et minimumskrav på 90 %»: below it the reviewer is told, and must give a reason to approve. */
    @Test
    void targetFiguresBelowTheInnovationAidMinimum_needAReasonToBeApproved() throws Exception {
        reporting.startYear(sogn(), YEAR).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> reporting.forOperator(sogn(), YEAR).size() == 11);
        ReportingService.Row row = reporting.forOperator(sogn(), YEAR).stream()
                .filter(r -> r.code() == Obligation.TARGET_FIGURES).findFirst().orElseThrow();
        Map<String, String> low = new HashMap<>(ReportingCalendarTest.delivery(Obligation.TARGET_FIGURES));
        low.put("andelInnovasjonsstotte", "85");
        complete(user(DemoUsers.OPERATOR_USER), open(row.id(), "levere"), low);
        UserTask review = open(row.id(), "kontrollere");
        mvc.perform(get("/tasks/" + review.getId()).with(as(DemoUsers.CASE_HANDLER)))
                .andExpect(content()
                        .string(containsString("Andelen som forventes å få innovasjonsstøtte er 85 %: under Sivas minimumskrav på 90 %")));
        var refused = complete(user(DemoUsers.CASE_HANDLER), review, Map.of("vurdering", "godkjent"));
        assertThat(refused.errors()).containsOnlyKeys("begrunnelse");
        assertThat(refused.errors().get("begrunnelse")).contains("85 %").contains("90 %");
        assertThat(figures.find(sogn(), YEAR).orElseThrow().locked()).isFalse();
        assertThat(complete(user(DemoUsers.CASE_HANDLER), review, Map.of("vurdering", "godkjent",
                "begrunnelse", "Fem av bedriftene er i en avklaringsfase.")).valid()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> figures.find(sogn(), YEAR).orElseThrow().locked());
    }

    @Test
    void theSystemChecksWhatItKnowsBeforeTheOperatorIsAsked() throws Exception {
        rates.set(YEAR, new BigDecimal("11.5000"), true);
        var c = new TargetCompany(sogn(), "912345742", "Vårlys AS", null, "x", "t", clock.instant());
        c.selfDeclarationSigned(LocalDate.of(YEAR, 3, 10), BigDecimal.ZERO);
        c.agreed(LocalDate.of(YEAR, 3, 10), LocalDate.of(YEAR + 2, 3, 9), "x", "x", "x", null, "A", "a@b.no",
                new BigDecimal("60"));
        c = companies.save(c);
        var gone = new TargetCompany(sogn(), "912345815", "Høstløv AS", null, "x", "t", clock.instant());
        gone.selfDeclarationSigned(LocalDate.of(YEAR - 2, 1, 10), BigDecimal.ZERO);
        gone.agreed(LocalDate.of(YEAR - 2, 1, 10), LocalDate.of(YEAR, 4, 30), "x", "x", "x", null, "A", "a@b.no",
                new BigDecimal("60"));
        gone.exited(LocalDate.of(YEAR, 4, 30), ExitReason.PLANNED_END);
        companies.save(gone);
        ledger.grant(c.getId(), LocalDate.of(YEAR, 3, 10), new BigDecimal("100000"), "Målbedriftsavtale", "t");
        ledger.record(c.getId(), new AidLedger.LineInput(LocalDate.of(YEAR, 4, 2),
                CostType.INNOVATION_ADVISORY, "Rådgivning",
                new BigDecimal("20000"), new BigDecimal("8000")), "t");

        reporting.startYear(sogn(), YEAR).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> reporting.forOperator(sogn(), YEAR).size() == 11);
        ReportingService.Row q2 = reporting.forOperator(sogn(), YEAR).stream()
                .filter(r -> r.code() == Obligation.REGISTRATION_Q2).findFirst().orElseThrow();
        mvc.perform(get("/tasks/" + open(q2.id(), "levere").getId()).with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(status().isOk())
                // from the day after the February deadline (28 February, also in a leap year: guide §11.1)
                .andExpect(content().string(containsString("Registrert i Programflyt "
                        + new Formats().date(LocalDate.of(YEAR, 2, 28).plusDays(1))
                        + "–31.05." + YEAR)))
                .andExpect(content().string(containsString("Vårlys AS")))
                .andExpect(content().string(containsString("Høstløv AS")));
        ReportingService.Row half = reporting.forOperator(sogn(), YEAR).stream()
                .filter(r -> r.code() == Obligation.HALF_YEAR_AID).findFirst().orElseThrow();
        var prefilled = tasks.initialSubmission(open(half.id(), "levere"));
        assertThat(prefilled.rawFirst("stotteNok")).isEqualTo("12000");
        assertThat(prefilled.rawFirst("antallBedrifter")).isEqualTo("1");
    }

    @Test
    void theAuditorsConfirmationIsShownAgainstTheBudgetToSiva() throws Exception {
        long budgetYear = jdbc.sql("insert into reporting_year (operator_id, year, created_at) values (?, ?, ?) returning id")
                .params(sogn(), YEAR - 2, Timestamp.from(clock.instant())).query(Long.class).single();
        jdbc.sql("""
                insert into reporting_obligation (reporting_year_id, operator_id, year, code, due_date, status, amount_nok)
                values (?, ?, ?, 'BUDGET_NEXT_YEAR', ?, 'DONE', 900000)""")
                .params(budgetYear, sogn(), YEAR - 2, LocalDate.of(YEAR - 2, 12, 1)).update();
        reporting.startYear(sogn(), YEAR).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> reporting.forOperator(sogn(), YEAR).size() == 11);
        ReportingService.Row audit = reporting.forOperator(sogn(), YEAR).stream()
                .filter(r -> r.code() == Obligation.AUDITOR_CONFIRMATION).findFirst().orElseThrow();
        UserTask deliver = open(audit.id(), "levere");
        assertThat(deliver.getFormId()).isEqualTo("rapportering-revisor");
        complete(user(DemoUsers.OPERATOR_USER), deliver, Map.of("belop", "950000", "levert", "true"));
        mvc.perform(get("/tasks/" + open(audit.id(), "kontrollere").getId()).with(as(DemoUsers.CASE_HANDLER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("900\u00a0000\u00a0kr")))
                .andExpect(content().string(containsString("Kostnadene er 50\u00a0000\u00a0kr over budsjettet.")));
    }

    @Autowired
    JdbcClient jdbc;

    /** From 1 December the coming year's deadlines are on the page and in the .ics, before its calendar starts. */
    @Test
    @TestDate("2028-11-30")
    void theCalendarLooksAheadFrom1December() throws Exception {
        mvc.perform(get("/reporting").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Fristene for 2029 er klare"))));
        mvc.perform(get("/reporting").param("year", "2029").with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(content().string(containsString(messages("reporting.none"))));
        moveClockTo(LocalDate.of(2028, 12, 1).atStartOfDay(ZoneId.of("Europe/Oslo")).toInstant().plusSeconds(60));
        mvc.perform(get("/reporting").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Fristene for 2029 er klare")));
        mvc.perform(get("/reporting").param("year", "2029").with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(content().string(containsString("15.01.2029")))
                .andExpect(content().string(containsString("01.12.2029")))
                .andExpect(content().string(containsString("Kommende")))
                .andExpect(content().string(containsString("Kalenderen for 2029 starter 1. januar")));
        String ics = mvc.perform(get("/reporting/calendar.ics").param("year", "2029").with(as(DemoUsers.OPERATOR_USER)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(Obligation.values().length + 1);
        assertThat(ics).contains("DTSTART;VALUE=DATE:20290115").contains("UID:programflyt-obligation-" + sogn() + "-2029-TARGET_FIGURES");
        // Siva's view of every operator: the coming year too
        mvc.perform(get("/reporting").param("year", "2029").with(as(DemoUsers.CASE_HANDLER)))
                .andExpect(content().string(containsString("Helgeland")));
    }

    /** Every row links to the task that delivers it; the whole year is listed, not only what is open. */
    @Test
    void everyDeadlineLinksToItsTask() throws Exception {
        long yearId = reporting.startYear(sogn(), YEAR).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> !reporting.forOperator(sogn(), YEAR).isEmpty());
        long first = reporting.forOperator(sogn(), YEAR).get(0).id();
        UserTask task = open(first, "levere");
        assertThat(reporting.forOperator(sogn(), YEAR).get(0).taskId()).isEqualTo(task.getId());
        mvc.perform(get("/reporting").param("year", String.valueOf(YEAR)).with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(content().string(containsString("href=\"/tasks/" + task.getId() + "\"")));
        assertThat(yearId).isPositive();
    }

    @Test
    void theIcsFeedParsesAndHoldsEveryDeadline() throws Exception {
        reporting.startYear(sogn(), YEAR).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> reporting.forOperator(sogn(), YEAR).size() == 11);
        byte[] body = mvc.perform(get("/reporting/calendar.ics").param("year", Integer.toString(YEAR))
                .with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        ICalendar cal = Biweekly.parse(new String(body, StandardCharsets.UTF_8)).first();
        assertThat(cal).isNotNull();
        assertThat(cal.getEvents()).hasSize(11);
        assertThat(cal.getEvents()).extracting(e -> e.getDateStart().getValue().toInstant().atZone(ZoneId.of("Europe/Oslo"))
                .toLocalDate().toString())
                .containsExactlyInAnyOrderElementsOf(reporting.forOperator(sogn(), YEAR).stream()
                        .map(r -> r.dueDate().toString()).toList());
        assertThat(cal.getEvents()).extracting(VEvent::getSummary).allMatch(s -> s.getValue().startsWith("Frist: "));
    }

    @Test
    void aCalendarAppSubscribesWithASecretAddress_aNewSecretEndsTheOld() throws Exception {
        reporting.startYear(sogn(), YEAR).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> reporting.forOperator(sogn(), YEAR).size() == 11);
        var flash = mvc.perform(post("/reporting/feed").with(as(DemoUsers.OPERATOR_USER)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        String url = (String) ((Object[]) flash.get("successArgs"))[0];
        String path = url.substring(url.indexOf("/calendar-feed/"));
        byte[] body = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Biweekly.parse(new String(body, StandardCharsets.UTF_8)).first().getEvents()).hasSize(11);
        mvc.perform(post("/reporting/feed").with(as(DemoUsers.OPERATOR_USER)).with(csrf()));
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get("/calendar-feed/" + "0".repeat(64) + ".ics")).andExpect(status().isNotFound());
        mvc.perform(post("/reporting/feed").param("operatorId", Long.toString(sogn())).with(as(DemoUsers.NORDLAND)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void operatorStaffSeeOnlyTheirOwnCalendar_sivaSeesAll() throws Exception {
        long helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
        reporting.startYear(sogn(), YEAR).orElseThrow();
        reporting.startYear(helgeland, YEAR).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> reporting.all(YEAR, today()).size() == 22);
        String y = Integer.toString(YEAR);
        mvc.perform(get("/reporting").param("year", y).with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Last opp måltall for året")))
                .andExpect(content().string(not(containsString("Helgeland Næringshage AS"))));
        mvc.perform(get("/reporting").param("year", y).param("operatorId", Long.toString(helgeland))
                .with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Helgeland Næringshage AS"))));   // her own, whatever she asks
        mvc.perform(get("/reporting/calendar.ics").param("year", y).param("operatorId", Long.toString(helgeland))
                .with(as(DemoUsers.NORDLAND))).andExpect(status().isOk());
        mvc.perform(get("/reporting/calendar.ics").param("year", y).param("operatorId", Long.toString(sogn()))
                .with(as(DemoUsers.NORDLAND))).andExpect(status().isNotFound());
        mvc.perform(get("/reporting").param("year", y).with(as(DemoUsers.CASE_HANDLER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Helgeland Næringshage AS")))
                .andExpect(content().string(containsString("Sogn Næringshage AS")))
                .andExpect(content().string(containsString("<svg")));
    }
}
