package no.siva.programflyt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.support.ProcessTestBase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 23 in daily use: Designsystemet served from the build's npm packages, the menu marks where the user is, the
 * task list sorts by its headings, a task is claimed from the list and a project leader (Siva's staff) hands several
 * tasks to a colleague at once, the home page lists the work, and a case has one page.
 */
@AutoConfigureMockMvc
class DailyUseTest extends ProcessTestBase {

    static final String SECOND_HANDLER = "saksbehandler2";

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditService audit;

    private RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Three open follow-up tasks for Siva's case handlers: due in 5, 20 and 2 days; received 3, 1 and 2 days ago. */
    @BeforeEach
    void threeTasksForCaseHandlers() {
        new JdbcTemplate(dataSource).update("""
                insert into user_task (job_key, process_instance_key, bpmn_process_id, element_id, name, candidate_groups,
                    due_at, state, case_type, case_id, case_title, created_at)
                values (-901, -1, 'extraordinary-follow-up', 'gjennomfor', 'Bravo-oppgave', 'siva-saksbehandler',
                        ?::timestamptz + interval '5 days', 'OPEN', 'FOLLOW_UP', 901, 'Charlie AS', ?::timestamptz - interval '3 days'),
                       (-902, -1, 'extraordinary-follow-up', 'gjennomfor', 'Alfa-oppgave', 'siva-saksbehandler',
                        ?::timestamptz + interval '20 days', 'OPEN', 'FOLLOW_UP', 902, 'Alfa AS', ?::timestamptz - interval '1 day'),
                       (-903, -1, 'extraordinary-follow-up', 'gjennomfor', 'Charlie-oppgave', 'siva-saksbehandler',
                        ?::timestamptz + interval '2 days', 'OPEN', 'FOLLOW_UP', 903, 'Bravo AS', ?::timestamptz - interval '2 days')
                """, now(), now(), now(), now(), now(), now());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private long id(long jobKey) {
        return taskRows.findByJobKey(jobKey).orElseThrow().getId();
    }

    private static List<String> order(String html, String... names) {
        return Arrays.stream(names).sorted(Comparator.comparingInt(html::indexOf)).toList();
    }

    @Test
    void designsystemetAndTheViewerComeFromTheBuildsNpmPackages() throws Exception {
        String css = mvc.perform(get("/vendor/designsystemet/index.css")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(css).contains(".ds-button").contains(".ds-table").contains(".ds-error-summary");
        mvc.perform(get("/vendor/designsystemet/digdir.css")).andExpect(status().isOk());
        String viewer = mvc.perform(get("/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(viewer).contains("bpmn-navigated-viewer v18.");
        String home = page(get("/"), DemoUsers.CASE_HANDLER);
        assertThat(home).contains("/vendor/designsystemet/index.css").contains("data-color-scheme=\"light\"")
                .contains("class=\"ds-skip-link");
    }

    @Test
    void theMenuMarksTheSectionTheUserIsIn() throws Exception {
        assertThat(page(get("/tasks"), DemoUsers.CASE_HANDLER))
                .contains("<a href=\"/tasks\" aria-current=\"page\">").doesNotContain("<a href=\"/overview\" aria-current=\"page\">");
        assertThat(page(get("/overview"), DemoUsers.CASE_HANDLER)).contains("<a href=\"/overview\" aria-current=\"page\">");
        assertThat(page(get("/"), DemoUsers.CASE_HANDLER)).contains("<a href=\"/\" aria-current=\"page\">");
        assertThat(Navigation.section("/cases/TARGET_COMPANY/4")).isEqualTo("target-companies");
        assertThat(Navigation.section("/follow-up/7")).isEqualTo("follow-up");
        assertThat(Navigation.section("/admin/klokke")).isEqualTo("admin/klokke");
    }

    @Test
    void theTaskListSortsByItsHeadings_earliestDeadlineFirstByDefault() throws Exception {
        String byDue = page(get("/tasks"), DemoUsers.CASE_HANDLER);
        assertThat(order(byDue, "Bravo-oppgave", "Alfa-oppgave", "Charlie-oppgave"))
                .containsExactly("Charlie-oppgave", "Bravo-oppgave", "Alfa-oppgave");
        assertThat(byDue).contains("aria-sort=\"ascending\"").contains("sort=-due");

        String byTask = page(get("/tasks").param("sort", "task"), DemoUsers.CASE_HANDLER);
        assertThat(order(byTask, "Bravo-oppgave", "Alfa-oppgave", "Charlie-oppgave"))
                .containsExactly("Alfa-oppgave", "Bravo-oppgave", "Charlie-oppgave");
        String byCaseDesc = page(get("/tasks").param("sort", "-case"), DemoUsers.CASE_HANDLER);
        assertThat(order(byCaseDesc, "Bravo-oppgave", "Alfa-oppgave", "Charlie-oppgave"))
                .containsExactly("Bravo-oppgave", "Charlie-oppgave", "Alfa-oppgave");
        assertThat(byCaseDesc).contains("aria-sort=\"descending\"");
        String byReceived = page(get("/tasks").param("sort", "-received"), DemoUsers.CASE_HANDLER);
        assertThat(order(byReceived, "Bravo-oppgave", "Alfa-oppgave", "Charlie-oppgave"))
                .containsExactly("Alfa-oppgave", "Charlie-oppgave", "Bravo-oppgave");
        // a made-up order is the default one, not an error
        assertThat(order(page(get("/tasks").param("sort", "drop table"), DemoUsers.CASE_HANDLER),
                "Bravo-oppgave", "Alfa-oppgave", "Charlie-oppgave")).containsExactly("Charlie-oppgave", "Bravo-oppgave", "Alfa-oppgave");
    }

    @Test
    void theProcessFilterListsOnlyProcessesWithUserTasks() throws Exception {
        String inbox = page(get("/tasks"), DemoUsers.CASE_HANDLER);
        String filter = inbox.substring(inbox.indexOf("id=\"process\""), inbox.indexOf("</select>", inbox.indexOf("id=\"process\"")));
        assertThat(filter).contains("value=\"extraordinary-follow-up\"").contains("value=\"operator-admission\"")
                .doesNotContain("value=\"follow-up-trigger\"").doesNotContain("value=\"annual-reporting-calendar\"");
    }

    @Test
    void aTaskIsClaimedFromTheListAndTheListComesBack() throws Exception {
        long bravo = id(-901);
        assertThat(page(get("/tasks").param("sort", "task"), DemoUsers.CASE_HANDLER))
                .contains("action=\"/tasks/" + bravo + "/claim\"").contains("Ta oppgaven «Bravo-oppgave» i Charlie AS");
        mvc.perform(post("/tasks/" + bravo + "/claim").param("back", "/tasks?view=groups&sort=task")
                .with(as(DemoUsers.CASE_HANDLER)).with(csrf()))
                .andExpect(redirectedUrl("/tasks?view=groups&sort=task"));
        assertThat(taskRows.findById(bravo).orElseThrow().getAssignee()).isEqualTo(DemoUsers.CASE_HANDLER);
        // only the task list is a place to come back to
        long alfa = id(-902);
        mvc.perform(post("/tasks/" + alfa + "/claim").param("back", "https://example.org/")
                .with(as(DemoUsers.CASE_HANDLER)).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + alfa));
        assertThat(page(get("/tasks"), DemoUsers.CASE_HANDLER)).doesNotContain("action=\"/tasks/" + bravo + "/claim\"");
    }

    @Test
    void aProjectLeaderHandsSeveralTasksToAColleagueAtOnce() throws Exception {
        long bravo = id(-901);
        long alfa = id(-902);
        long charlie = id(-903);
        // Siva's staff hand tasks to colleagues (as on a task's own page); a county official or operator staff do not
        assertThat(page(get("/tasks"), DemoUsers.VESTLAND)).doesNotContain("id=\"bulk-assign\"");
        String leaders = page(get("/tasks").param("view", "all"), DemoUsers.PROJECT_LEADER);
        assertThat(leaders).contains("id=\"bulk-assign\"").contains("name=\"ids\" form=\"bulk-assign\"");

        mvc.perform(post("/tasks/assign").param("ids", String.valueOf(bravo), String.valueOf(charlie))
                .param("assignee", SECOND_HANDLER).param("back", "/tasks?view=all")
                .with(as(DemoUsers.PROJECT_LEADER)).with(csrf()))
                .andExpect(redirectedUrl("/tasks?view=all"));
        assertThat(taskRows.findById(bravo).orElseThrow().getAssignee()).isEqualTo(SECOND_HANDLER);
        assertThat(taskRows.findById(charlie).orElseThrow().getAssignee()).isEqualTo(SECOND_HANDLER);
        assertThat(taskRows.findById(alfa).orElseThrow().getAssignee()).isNull();
        assertThat(audit.forCase("FOLLOW_UP", 901L)).anySatisfy(e -> assertThat(e.getSummary())
                .contains("ble tildelt").contains(user(SECOND_HANDLER).fullName()));

        // a county official may not; someone outside the task's groups is skipped and counted
        assertThat(mvc.perform(post("/tasks/assign").param("ids", String.valueOf(alfa)).param("assignee", SECOND_HANDLER)
                .with(as(DemoUsers.VESTLAND)).with(csrf())).andReturn().getFlashMap().get("errorKey"))
                .isEqualTo("task.error.mayNotAssign");
        assertThat(taskRows.findById(alfa).orElseThrow().getAssignee()).isNull();
        var flash = mvc.perform(post("/tasks/assign").param("ids", String.valueOf(alfa)).param("assignee", DemoUsers.VESTLAND)
                .with(as(DemoUsers.PROJECT_LEADER)).with(csrf())).andReturn().getFlashMap();
        assertThat(flash.get("successKey")).isEqualTo("task.bulk.assignedSome");
        assertThat(taskRows.findById(alfa).orElseThrow().getAssignee()).isNull();
        assertThat(mvc.perform(post("/tasks/assign").param("assignee", SECOND_HANDLER)
                .with(as(DemoUsers.PROJECT_LEADER)).with(csrf())).andReturn().getFlashMap().get("errorKey"))
                .isEqualTo("task.bulk.noneChosen");
    }

    @Test
    void theHomePageListsWhatWaits_withDeadlines() throws Exception {
        String home = page(get("/"), DemoUsers.CASE_HANDLER);
        assertThat(home).contains("Dette venter på deg").contains("Charlie-oppgave").contains("href=\"/cases/FOLLOW_UP/903\"")
                .contains(new Formats().date(clock.instant().plus(Duration.ofDays(2))));
        assertThat(order(home, "Bravo-oppgave", "Alfa-oppgave", "Charlie-oppgave"))
                .containsExactly("Charlie-oppgave", "Bravo-oppgave", "Alfa-oppgave");
        assertThat(home).doesNotContain("Forfalt i hele programmet");
        new JdbcTemplate(dataSource).update("update user_task set due_at = ?::timestamptz - interval '1 day' where job_key = -902", now());
        String leaders = page(get("/"), DemoUsers.PROJECT_LEADER);
        String overdue = leaders.substring(leaders.indexOf("Forfalt i hele programmet"));
        assertThat(overdue).contains("Alfa-oppgave").doesNotContain("Bravo-oppgave").contains("Forfalt");
    }

    @Test
    void aCaseHasOnePage() throws Exception {
        var decision = commission(user(DemoUsers.VESTLAND), "912345882", "Sunnfjord Vekst AS", "46");
        mvc.perform(get("/cases/ADMISSION/" + decision.getId()).with(as(DemoUsers.CASE_HANDLER)))
                .andExpect(redirectedUrl("/admission/" + decision.getId()));
        // the module's page has what the generic one had: the incidents for Siva's staff
        assertThat(page(get("/admission/" + decision.getId()), DemoUsers.CASE_HANDLER)).contains("id=\"incidents\"");
        assertThat(page(get("/admission/" + decision.getId()), DemoUsers.VESTLAND)).doesNotContain("id=\"incidents\"");
        // scope first: no redirect tells another county that the case exists
        mvc.perform(get("/cases/ADMISSION/" + decision.getId()).with(as(DemoUsers.NORDLAND))).andExpect(status().isNotFound());
    }

    @Test
    void theAuditTrailHasAPageWithFiltersForProjectLeaders() throws Exception {
        var c = commission(user(DemoUsers.VESTLAND), "912345882", "Sunnfjord Vekst AS", "46");
        long bravo = id(-901);
        mvc.perform(post("/tasks/" + bravo + "/claim").with(as(DemoUsers.CASE_HANDLER)).with(csrf()));

        String all = page(get("/audit"), DemoUsers.PROJECT_LEADER);
        assertThat(all).contains("Revisjonslogg").contains("Oppdrag registrert").contains("Oppgave tatt")
                .contains("Sara Saksbehandler").contains("href=\"/cases/ADMISSION/" + c.getId() + "\"");
        String claims = page(get("/audit").param("action", "TASK_CLAIMED"), DemoUsers.PROJECT_LEADER);
        String rows = claims.substring(claims.indexOf("id=\"audit-events\""));
        assertThat(rows).contains("Oppgave tatt").doesNotContain("Oppdrag registrert");
        String bySara = page(get("/audit").param("actor", DemoUsers.CASE_HANDLER).param("q", "bravo"), DemoUsers.PROJECT_LEADER);
        assertThat(bySara.substring(bySara.indexOf("id=\"audit-events\""))).contains("Bravo-oppgave")
                .doesNotContain("Sunnfjord");
        // a period that ends before it starts is said at the field, and the page still answers
        String wrong = page(get("/audit").param("from", "2026-12-10").param("to", "2026-12-01"), DemoUsers.PROJECT_LEADER);
        assertThat(wrong).contains("«Til dato» kan ikke være før «Fra dato».").contains("aria-invalid=\"true\"");
        assertThat(page(get("/audit").param("from", "i går"), DemoUsers.PROJECT_LEADER)).contains("«Fra dato» må være en gyldig dato.");
        // what was typed stays in the field, and a good date beside it too
        assertThat(page(get("/audit").param("from", "i går").param("to", "2026-12-01"), DemoUsers.PROJECT_LEADER))
                .contains("value=\"i går\"").contains("value=\"2026-12-01\"");
        // the days of a period are Norwegian days, both ends included
        String today = clock.instant().atZone(Formats.OSLO).toLocalDate().toString();
        assertThat(page(get("/audit").param("from", today).param("to", today).param("action", "TASK_CLAIMED"), DemoUsers.PROJECT_LEADER))
                .contains("Bravo-oppgave");
        String tomorrow = clock.instant().atZone(Formats.OSLO).toLocalDate().plusDays(1).toString();
        assertThat(page(get("/audit").param("from", tomorrow).param("action", "TASK_CLAIMED"), DemoUsers.PROJECT_LEADER))
                .contains("Ingen hendelser");
        // the CSV is the same selection
        String csv = mvc.perform(get("/audit/export.csv").param("action", "TASK_CLAIMED").with(as(DemoUsers.PROJECT_LEADER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("\"Oppgave tatt\"").doesNotContain("Oppdrag registrert");
        mvc.perform(get("/audit").with(as(DemoUsers.CASE_HANDLER))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(as(DemoUsers.VESTLAND))).andExpect(status().isForbidden());
    }

    /** Issue 23, point 6: the overview's default view (open cases) keeps an admitted operator while its onboarding runs. */
    @Test
    void theOverviewsDefaultViewShowsAnAdmittedOperatorWithOpenOnboardingTasks() throws Exception {
        var vestland = user(DemoUsers.VESTLAND);
        var siva = user(DemoUsers.CASE_HANDLER);
        var c = commission(vestland, "912345882", "Sunnfjord Vekst AS", "46");
        complete(siva, awaitOpenTask("ADMISSION", c.getId(), "gjennomfore-forprosjekt"), assessment(true));
        complete(siva, awaitOpenTask("ADMISSION", c.getId(), "foresla-tilskudd"),
                Map.of("foreslattTilskudd", "1200000", "begrunnelse", "Begrunnet."));
        complete(vestland, awaitOpenTask("ADMISSION", c.getId(), "fylkets-vedtak"), Map.of("vedtak", "godkjent",
                "vedtattTilskudd", "1200000", "forbehold", "Forbehold om statsbudsjettet.", "begrunnelse", "Ja."));
        awaitOpenTask("ADMISSION", c.getId(), "budsjett-timepris");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(page(get("/overview"), DemoUsers.PROJECT_LEADER)).contains("Sunnfjord Vekst AS"));
        // a case the overview counts as ended stays in the open view while it has open tasks (the table's row)
        new JdbcTemplate(dataSource).update("update case_state set ended_at = ? where case_type = 'ADMISSION' and case_id = ?",
                now(), c.getId());
        assertThat(page(get("/overview"), DemoUsers.PROJECT_LEADER)).contains("<td><a href=\"/cases/ADMISSION/" + c.getId() + "\">");
    }
}
