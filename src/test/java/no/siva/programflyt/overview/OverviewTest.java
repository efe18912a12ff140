package no.siva.programflyt.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.differentiation.DifferentiationService;
import no.siva.programflyt.followup.FollowUpService;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.reporting.ReportingService;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyService;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The status overview over cases in every process: the counts by stage and each filter against the expected numbers,
 * the projection fed by the cases' own events, and the scope of each role (a county official's export holds only her
 * county's cases, an operator's only its own).
 */
@AutoConfigureMockMvc
class OverviewTest extends ProcessTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseStates overview;
    @Autowired
    FollowUpService followUps;
    @Autowired
    TargetCompanyService targetCompanies;
    @Autowired
    ReportingService reporting;
    @Autowired
    DifferentiationService differentiation;
    @Autowired
    OperatorRepository operators;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditService audit;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AppUserRepository appUsers;

    private RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    private static OverviewQuery query(String... kv) {
        LinkedMultiValueMap<String, String> m = new LinkedMultiValueMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.add(kv[i], kv[i + 1]);
        }
        return OverviewQuery.from(m);
    }

    private long total(CurrentUser u, String... kv) {
        return overview.page(u, query(kv), clock.instant()).total();
    }

    private long caseStates() {
        return jdbc.sql("select count(*) from case_state").query(Long.class).single();
    }

    @Test
    void casesInEveryProcess_countedByStage_filtered_andScopedByRole() throws Exception {
        CurrentUser leader = user(DemoUsers.PROJECT_LEADER);
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        CurrentUser nordland = user(DemoUsers.NORDLAND);
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        long helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();

        AdmissionCase a46 = commission(vestland, "912345742", "Nordfjord Innovasjon AS", "46");
        AdmissionCase a18 = commission(nordland, "912345815", "Lofoten Kunnskapspark AS", "18");
        awaitOpenTask(AdmissionService.CASE_TYPE, a46.getId(), "gjennomfore-forprosjekt");
        awaitOpenTask(AdmissionService.CASE_TYPE, a18.getId(), "gjennomfore-forprosjekt");
        long followUp = followUps.start(user(DemoUsers.CASE_HANDLER), helgeland, "Svak utvikling.").caseId();
        awaitOpenTask(FollowUpService.CASE_TYPE, followUp, "gjennomfore-oppfolging");
        TargetCompany company = targetCompanies.register(user(DemoUsers.OPERATOR_USER), sogn, "912346293",
                "Fjærland Opplevelser AS", "post@fjaerland.example.no");
        awaitOpenTask(TargetCompanyService.CASE_TYPE, company.getId(), "kartlegge-behov");
        reporting.startYear(sogn, today().getYear());
        var round = differentiation.startManually(leader, today().getYear() + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> differentiation.find(round.getId()).orElseThrow().getCompletedAt() != null
                || !taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(DifferentiationService.CASE_TYPE, round.getId()).isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> caseStates() == 6);

        // counts by stage, as the project leader sees them (every case)
        Map<String, Map<String, Long>> counts = overview.countsByStage(leader, query("state", "all"), clock.instant());
        assertThat(counts.get("ADMISSION")).containsExactly(Map.entry("admission.status.PILOT_PROJECT", 2L));
        assertThat(counts.get("FOLLOW_UP")).containsExactly(Map.entry("followup.status.OPEN", 1L));
        assertThat(counts.get("TARGET_COMPANY")).containsExactly(Map.entry("targetcompany.status.NEEDS_MAPPING", 1L));
        assertThat(counts.get("REPORTING").values()).containsExactly(1L);
        assertThat(counts.get("DIFFERENTIATION").values()).containsExactly(1L);
        assertThat(total(leader, "state", "all")).isEqualTo(6);
        // filters
        assertThat(total(leader, "type", "ADMISSION")).isEqualTo(2);
        assertThat(total(leader, "county", "46")).isEqualTo(3);   // admission, target company, reporting
        assertThat(total(leader, "county", "18")).isEqualTo(2);   // admission, follow-up
        assertThat(total(leader, "operator", Long.toString(sogn))).isEqualTo(2);
        assertThat(total(leader, "stage", "admission.status.PILOT_PROJECT", "county", "18")).isEqualTo(1);
        assertThat(total(leader, "year", Integer.toString(today().getYear() + 1), "state", "all")).isEqualTo(1);
        // due: none overdue, then one of Vestland's pilot projects is
        assertThat(total(leader, "due", "overdue")).isZero();
        jdbc.sql("update user_task set due_at = now() - interval '2 days' where case_type = 'ADMISSION' and case_id = ?")
                .param(a46.getId()).update();
        assertThat(total(leader, "due", "overdue")).isEqualTo(1);
        assertThat(overview.tasks(leader, query(), clock.instant(), true, 20)).singleElement()
                .satisfies(t -> assertThat(t.caseId()).isEqualTo(a46.getId()));
        // without progress for 30 days: the follow-up, once its last event is old
        jdbc.sql("update case_state set last_event_at = now() - interval '40 days' where case_type = 'FOLLOW_UP'").update();
        assertThat(overview.page(leader, query("stale", "30"), clock.instant()).rows()).singleElement()
                .satisfies(r -> assertThat(r.caseType()).isEqualTo("FOLLOW_UP"));
        // reminders, e-mails and escalations are not progress: the follow-up stays "without progress"
        tx.executeWithoutResult(st -> audit.record("system", "NOTIFICATION_QUEUED", FollowUpService.CASE_TYPE, followUp,
                null, "E-post lagt i utboksen", null));
        tx.executeWithoutResult(st -> audit.record("system", "FOLLOW_UP_ESCALATED", FollowUpService.CASE_TYPE, followUp,
                null, "Prosjektleder varslet", null));
        // (the projection runs after each commit, in the committing thread)
        assertThat(total(leader, "stale", "30")).isEqualTo(1);
        // issue 23, point 6: the process tabs are tabs (the CSS styles nav.tabs), and a title that holds its year
        // does not show it twice («Differensieringsrunde 2026 2026»)
        String differentiationPage = mvc
                .perform(get("/overview").param("type", "DIFFERENTIATION").param("state", "all").with(as(leader.username())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String y = Integer.toString(today().getYear() + 1);
        assertThat(differentiationPage).contains("<nav class=\"tabs\"").doesNotContain("<ul class=\"tabs\"")
                .contains("Differensieringsrunde " + y).doesNotContain(">" + y + "</small>");
        // sorting: by title ascending
        assertThat(overview.page(leader, query("type", "ADMISSION", "sort", "title", "dir", "asc"), clock.instant()).rows())
                .extracting(CaseStates.Row::title).containsExactly("Forprosjekt: Lofoten Kunnskapspark AS",
                        "Forprosjekt: Nordfjord Innovasjon AS");

        // scope: a county official sees her county's cases only, also in the export
        assertThat(total(vestland, "state", "all")).isEqualTo(3);
        assertThat(total(vestland, "county", "18")).isZero();
        assertThat(total(nordland, "state", "all")).isEqualTo(2);
        String csv = mvc.perform(asyncDispatch(mvc.perform(get("/overview/export.csv").param("state", "all")
                .with(as(DemoUsers.VESTLAND))).andReturn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(4);   // header and three cases
        assertThat(csv).contains("Nordfjord Innovasjon AS").contains("Fjærland").doesNotContain("Lofoten")
                .doesNotContain("Helgeland").doesNotContain("Nordland");
        byte[] xlsx = mvc.perform(asyncDispatch(mvc.perform(get("/overview/export.xlsx").param("state", "all")
                .with(as(DemoUsers.NORDLAND))).andReturn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            String titles = sheet.getRow(1).getCell(1).getStringCellValue() + sheet.getRow(2).getCell(1).getStringCellValue();
            assertThat(titles).contains("Lofoten").contains("Helgeland").doesNotContain("Nordfjord");
            // issue 23, point 12: typed cells, not text: the start a date in Norwegian format, the counts numbers
            var row = sheet.getRow(1);
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(6))).isTrue();
            assertThat(row.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy");
            assertThat(row.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isBeforeOrEqualTo(today()).isAfter(today().minusYears(3));
            assertThat(row.getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(14).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Prosess");
        }
        // an operator's staff: its own target company and reporting year only
        assertThat(total(user(DemoUsers.OPERATOR_USER), "state", "all")).isEqualTo(2);
        mvc.perform(get("/cases/FOLLOW_UP/" + followUp).with(as(DemoUsers.VESTLAND))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/ADMISSION/" + a46.getId()).with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isNotFound());
        // one page per case: the generic address leads to the module's case page
        mvc.perform(get("/cases/FOLLOW_UP/" + followUp).with(as(DemoUsers.PROJECT_LEADER)))
                .andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.redirectedUrl("/follow-up/" + followUp));
        String page = mvc.perform(get("/follow-up/" + followUp).with(as(DemoUsers.PROJECT_LEADER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-active=\"gjennomfore-oppfolging\"").contains("Gjennomfør oppfølgingen og konkluder");
        mvc.perform(get("/overview").with(as(DemoUsers.VESTLAND))).andExpect(status().isOk());
        mvc.perform(get("/overview/figures").with(as(DemoUsers.VESTLAND))).andExpect(status().isOk());

        // a saved view is shared within the role, and only there
        mvc.perform(post("/overview/views").with(as(DemoUsers.PROJECT_LEADER)).with(csrf()).param("name", "Forfalte forprosjekter")
                .param("type", "ADMISSION").param("due", "overdue")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/overview/views").with(as(DemoUsers.PROJECT_LEADER)).with(csrf()).param("name", " "))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select query from saved_overview_view").query(String.class).list())
                .containsExactly("type=ADMISSION&due=overdue");
        mvc.perform(get("/overview").with(as(DemoUsers.PROJECT_LEADER)))
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("Forfalte forprosjekter")));
        mvc.perform(get("/overview").with(as(DemoUsers.VESTLAND)))
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.not(Matchers.containsString("Forfalte forprosjekter"))));
        // a county official's view is shared with her county's officials, not with another county's
        mvc.perform(post("/overview/views").with(as(DemoUsers.VESTLAND)).with(csrf()).param("name", "Våre saker"))
                .andExpect(status().is3xxRedirection());
        long vestlandView = jdbc.sql("select id from saved_overview_view where name = 'Våre saker'").query(Long.class).single();
        mvc.perform(get("/overview").with(as(DemoUsers.NORDLAND)))
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.not(Matchers.containsString("Våre saker"))));
        mvc.perform(post("/overview/views/" + vestlandView + "/delete").with(as(DemoUsers.NORDLAND)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from saved_overview_view").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void pagesOfFifty_sortedByLastEvent() {
        CurrentUser leader = user(DemoUsers.PROJECT_LEADER);
        for (int i = 0; i < 120; i++) {
            jdbc.sql("insert into case_state (case_type, case_id, title, stage_key, url, last_event_at, task_case_type, task_case_id) "
                    + "values ('TARGET_COMPANY', ?, ?, 'targetcompany.status.ACTIVE', '/x', now() - (? * interval '1 minute'), "
                    + "'TARGET_COMPANY', ?)").params(100_000 + i, "Bedrift " + i, i, 100_000 + i).update();
        }
        CaseStates.Page first = overview.page(leader, query(), clock.instant());
        assertThat(first.total()).isEqualTo(120);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.rows()).hasSize(50).first().satisfies(r -> assertThat(r.title()).isEqualTo("Bedrift 0"));
        CaseStates.Page last = overview.page(leader, query("page", "2"), clock.instant());
        assertThat(last.rows()).hasSize(20).last().satisfies(r -> assertThat(r.title()).isEqualTo("Bedrift 119"));
        assertThat(overview.page(leader, query("page", "99"), clock.instant()).page()).isEqualTo(2);
    }

    @Test
    void theFigures_showWhatAnyOfTheUsersRolesLetsHerSee_asTheCaseListDoes() throws Exception {
        Operator sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow();
        Operator helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow();
        assertThat(sogn.getCountyCode()).isNotEqualTo(helgeland.getCountyCode());
        appUsers.save(new AppUser("fylke-og-operator", "Frida Fylke", "frida@example.no", "{noop}x",
                Set.of(Role.FYLKE, Role.OPERATOR), Set.of(helgeland.getCountyCode()), sogn.getId()));
        String page = mvc.perform(get("/overview/figures").with(as("fylke-og-operator"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // her county's operator and her own, each by one of her roles
        assertThat(page).contains(helgeland.getName()).contains(sogn.getName());
    }
}
