package no.siva.programflyt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Map;
import javax.sql.DataSource;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionCaseRepository;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.tasks.TaskQuery;
import no.siva.programflyt.tasks.UserTask;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Role and data scope on every page and action of the foundation, and bad input refused at the field. */
@AutoConfigureMockMvc
class WebAccessTest extends ProcessTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    AdmissionCaseRepository cases;
    @Autowired
    OperatorRepository operators;
    @Autowired
    DataSource dataSource;

    private RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    @Test
    void countyOfficialOfAnotherCountyCanNeitherSeeNorCompleteTheTask() throws Exception {
        UserTask decision = atCountyDecision();
        AdmissionCase c = cases.findById(decision.getCaseId()).orElseThrow();

        mvc.perform(get("/tasks/" + decision.getId()).with(as(DemoUsers.VESTLAND)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fatt vedtak om finansiering og opptak")))
                .andExpect(content().string(containsString("name=\"vedtattTilskudd\"")));
        mvc.perform(get("/tasks/" + decision.getId()).with(as(DemoUsers.NORDLAND)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Sunnfjord"))));
        mvc.perform(post("/tasks/" + decision.getId() + "/complete").with(as(DemoUsers.NORDLAND)).with(csrf())
                .param("vedtak", "avslatt").param("begrunnelse", "Nei."))
                .andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + decision.getId() + "/claim").with(as(DemoUsers.NORDLAND)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admission/" + c.getId()).with(as(DemoUsers.NORDLAND))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/ADMISSION/" + c.getId() + "/audit.csv").with(as(DemoUsers.NORDLAND)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks").with(as(DemoUsers.NORDLAND)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("/tasks/" + decision.getId() + "\""))));
        assertThat(taskRows.findById(decision.getId()).orElseThrow().isOpen()).isTrue();

        mvc.perform(get("/admission/" + c.getId()).with(as(DemoUsers.VESTLAND))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Til vedtak i fylkeskommunen")));
    }

    @Test
    void operatorStaffNeverSeePilotProjects() throws Exception {
        UserTask decision = atCountyDecision();
        mvc.perform(get("/admission").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isForbidden());
        mvc.perform(get("/admission/" + decision.getCaseId()).with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isForbidden());
        mvc.perform(get("/tasks/" + decision.getId()).with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isNotFound());
        mvc.perform(get("/incidents").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/mailbox").with(as(DemoUsers.CASE_HANDLER))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/mailbox").with(as(DemoUsers.ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Forslag om tilskuddsnivå")));
    }

    @Test
    void operatorRegistryScope() throws Exception {
        long sogn = operators.findByOrgNumber("923609016").orElseThrow().getId();
        long helgeland = operators.findByOrgNumber("912345602").orElseThrow().getId();
        mvc.perform(get("/operators").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sogn Næringshage AS")))
                .andExpect(content().string(not(containsString("Helgeland"))));
        mvc.perform(get("/operators/" + helgeland).with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isNotFound());
        mvc.perform(get("/operators/" + sogn).with(as(DemoUsers.NORDLAND))).andExpect(status().isNotFound());
        mvc.perform(get("/operators/" + helgeland).with(as(DemoUsers.NORDLAND))).andExpect(status().isOk());
        mvc.perform(get("/operators/new").with(as(DemoUsers.VESTLAND))).andExpect(status().isForbidden());
        mvc.perform(post("/operators").with(as(DemoUsers.VESTLAND)).with(csrf()).param("orgNumber", "912346099")
                .param("name", "X").param("countyCode", "46").param("status", "ACTIVE")).andExpect(status().isForbidden());
        assertThat(operators.findByOrgNumber("912346099")).isEmpty();
    }

    /** Operators come through the pilot project; only an administrator registers an existing one directly. */
    @Test
    void onlyAnAdministratorRegistersAnExistingOperatorDirectly_recordedAsSuch() throws Exception {
        mvc.perform(get("/operators/new").with(as(DemoUsers.CASE_HANDLER))).andExpect(status().isForbidden());
        mvc.perform(post("/operators").with(as(DemoUsers.CASE_HANDLER)).with(csrf()).param("orgNumber", "912 346 315")
                .param("name", "Ny Hage AS").param("countyCode", "46").param("status", "ACTIVE")).andExpect(status().isForbidden());
        mvc.perform(get("/operators").with(as(DemoUsers.CASE_HANDLER)))
                .andExpect(content().string(not(containsString("Registrer eksisterende operatør"))));
        assertThat(operators.findByOrgNumber("912346315")).isEmpty();
        mvc.perform(post("/operators").with(as(DemoUsers.ADMIN)).with(csrf()).param("orgNumber", "912 346 315")
                .param("name", "Ny Hage AS").param("countyCode", "46").param("status", "ACTIVE"))
                .andExpect(status().is3xxRedirection());
        var o = operators.findByOrgNumber("912346315").orElseThrow();
        assertThat(o.isRegisteredDirectly()).isTrue();
        mvc.perform(get("/operators/" + o.getId()).with(as(DemoUsers.CASE_HANDLER)))
                .andExpect(content().string(containsString("registrert direkte av administrator (utenom forprosjekt)")));
        // taken out of the programme: a case handler cannot bring it back, an administrator can
        mvc.perform(post("/operators/" + o.getId()).with(as(DemoUsers.CASE_HANDLER)).with(csrf()).param("orgNumber", "912346315")
                .param("name", "Ny Hage AS").param("countyCode", "46").param("status", "TERMINATED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/operators/" + o.getId()).with(as(DemoUsers.CASE_HANDLER)).with(csrf()).param("orgNumber", "912346315")
                .param("name", "Ny Hage AS").param("countyCode", "46").param("status", "ACTIVE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("kan bare tas inn igjen av en administrator")));
        assertThat(operators.findById(o.getId()).orElseThrow().getStatus()).isEqualTo(OperatorStatus.TERMINATED);
        mvc.perform(post("/operators/" + o.getId()).with(as(DemoUsers.ADMIN)).with(csrf()).param("orgNumber", "912346315")
                .param("name", "Ny Hage AS").param("countyCode", "46").param("status", "ACTIVE"))
                .andExpect(status().is3xxRedirection());
        assertThat(operators.findById(o.getId()).orElseThrow().getStatus()).isEqualTo(OperatorStatus.ACTIVE);
    }

    @Test
    void badOrgNumberIsRefusedAtTheFieldAndNothingIsSaved() throws Exception {
        mvc.perform(post("/operators").with(as(DemoUsers.ADMIN)).with(csrf()).param("orgNumber", "923609017")
                .param("name", "Feil AS").param("countyCode", "46").param("status", "ACTIVE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Organisasjonsnummeret er ikke gyldig")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(operators.findByOrgNumber("923609017")).isEmpty();

        mvc.perform(post("/operators").with(as(DemoUsers.ADMIN)).with(csrf()).param("orgNumber", "923609016")
                .param("name", "Dobbel AS").param("countyCode", "46").param("status", "ACTIVE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Det finnes allerede en operatør med dette organisasjonsnummeret")));

        mvc.perform(post("/operators").with(as(DemoUsers.ADMIN)).with(csrf()).param("orgNumber", "912 346 099")
                .param("name", "Ny Hage AS").param("countyCode", "46").param("status", "ACTIVE"))
                .andExpect(status().is3xxRedirection());
        assertThat(operators.findByOrgNumber("912346099")).isPresent();
    }

    @Test
    void commissionFormValidatesEveryFieldAndCountyScope() throws Exception {
        mvc.perform(post("/admission").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("projectType", "FORPROSJEKT_OPPTAK").param("orgNumber", "12345678")
                .param("companyName", "").param("countyCode", "18").param("companyEmail", "ikke-epost")
                .param("pilotBudget", "mange penger").param("pilotEndDate", "2001-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Organisasjonsnummeret er ikke gyldig")))
                .andExpect(content().string(containsString("Fyll ut feltet.")))
                .andExpect(content().string(containsString("Du kan bare registrere oppdrag for ditt eget fylke.")))
                .andExpect(content().string(containsString("Skriv en gyldig e-postadresse.")))
                .andExpect(content().string(containsString("Skriv et beløp større enn 0")))
                .andExpect(content().string(containsString("Datoen må være frem i tid.")));
        mvc.perform(post("/admission").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("projectType", "FORPROSJEKT_OPPTAK").param("orgNumber", "912345742")
                .param("companyName", "Nordfjord AS").param("countyCode", "46")
                .param("pilotBudget", "250 000").param("pilotEndDate", "31.12.2030"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv en gyldig dato.")));
        assertThat(cases.count()).isZero();

        mvc.perform(post("/admission").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("projectType", "FORPROSJEKT_OPPTAK").param("orgNumber", "912 345 742")
                .param("companyName", "Nordfjord AS").param("countyCode", "46")
                .param("pilotBudget", "250 000").param("pilotEndDate", "2030-12-31"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/admission/*"));
        assertThat(cases.findAll()).singleElement().satisfies(c -> {
            assertThat(c.getOrgNumber()).isEqualTo("912345742");
            assertThat(c.getPilotBudget()).isEqualByComparingTo("250000");
        });
    }

    /** An operator with thousands of open tasks gets pages of 50, earliest due first, and the home page's counts. */
    @Test
    void theInboxIsPaged() throws Exception {
        CurrentUser staff = user(DemoUsers.OPERATOR_USER);
        new JdbcTemplate(dataSource).update("""
                insert into user_task (job_key, process_instance_key, bpmn_process_id, element_id, name, candidate_groups,
                    due_at, state, case_type, case_id, case_title, operator_id, created_at)
                select -n, -1, 'target-company-active-year', 'utviklingssamtale', 'Utviklingssamtale ' || n, ?,
                       ?::timestamptz + (n || ' days')::interval - interval '10 days 12 hours', 'OPEN', 'TARGET_COMPANY', n,
                       'Målbedrift ' || n, ?, ?::timestamptz
                from generate_series(1, 120) n""", "operator-" + staff.operatorId(),
                Timestamp.from(clock.instant()), staff.operatorId(), Timestamp.from(clock.instant()));
        var query = TaskQuery.of("groups", null, null, null, null);
        var first = tasks.inboxPage(staff, query, clock.instant(), 0);
        assertThat(first.getTotalElements()).isEqualTo(120);
        assertThat(first.getContent()).hasSize(50).extracting(UserTask::getName).startsWith("Utviklingssamtale 1", "Utviklingssamtale 2");
        assertThat(tasks.inboxPage(staff, query, clock.instant(), 2).getContent()).hasSize(20)
                .extracting(UserTask::getName).endsWith("Utviklingssamtale 120");
        mvc.perform(get("/tasks").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Viser 1–50 av 120 oppgaver")))
                .andExpect(content().string(containsString("Side 1 av 3")))
                .andExpect(content().string(containsString("page=1")));
        mvc.perform(get("/tasks").param("page", "99").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Viser 101–120 av 120 oppgaver")));
        // issue 23, point 8: each row links to its case and shows when it came; people by name, not user name
        new JdbcTemplate(dataSource).update(
                "update user_task set assignee = ? where job_key = -1", DemoUsers.OPERATOR_USER);
        String inbox = mvc.perform(get("/tasks").with(as(DemoUsers.OPERATOR_USER))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(inbox).contains("href=\"/cases/TARGET_COMPANY/1\"").contains("Mottatt")
                .contains(new Formats().date(clock.instant()))
                .contains("Ola Operatør").doesNotContain(">" + DemoUsers.OPERATOR_USER + "<");
        mvc.perform(get("/").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("120")));
        assertThat(tasks.inboxCount(staff, TaskQuery.of("groups", null, "overdue", null, null),
                clock.instant())).isEqualTo(10);
    }

    @Test
    void staticFilesAndWebJarsAreServedUnderTheirOwnPathsOnly() throws Exception {
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/js/charts.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
        mvc.perform(get("/app.css").with(as(DemoUsers.CASE_HANDLER))).andExpect(status().isNotFound());
    }

    @Test
    void stateChangesNeedCsrfAndPagesNeedLogin() throws Exception {
        UserTask decision = atCountyDecision();
        mvc.perform(post("/tasks/" + decision.getId() + "/claim").with(as(DemoUsers.VESTLAND)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/tasks")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("Logg inn")))
                .andExpect(content().string(containsString("lang=\"nb\"")));
        mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign in"))).andExpect(content().string(containsString("lang=\"en\"")));
        mvc.perform(get("/login").param("lang", "de")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Logg inn")));
    }

    @Test
    void taskFormErrorsAreShownAtTheFieldInNorwegian() throws Exception {
        UserTask decision = atCountyDecision();
        mvc.perform(post("/tasks/" + decision.getId() + "/complete").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("vedtak", "godkjent").param("vedtattTilskudd", "1200000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fyll ut «Begrunnelse for vedtaket».")))
                .andExpect(content().string(containsString("id=\"f-begrunnelse-error\"")))
                .andExpect(content().string(containsString("value=\"1200000\"")));
        assertThat(taskRows.findById(decision.getId()).orElseThrow().isOpen()).isTrue();

        // a formal decision is summarised first: nothing is saved before she confirms (issue 23, point 4)
        mvc.perform(post("/tasks/" + decision.getId() + "/complete").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("vedtak", "godkjent").param("vedtattTilskudd", "1200000").param("begrunnelse", "<script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"confirmation-summary\"")))
                .andExpect(content().string(containsString("1\u00a0200\u00a0000 kr/år")))
                .andExpect(content().string(containsString("Godkjent: finansiering vedtas")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(containsString("name=\"bekreftet\"")));
        assertThat(taskRows.findById(decision.getId()).orElseThrow().isOpen()).isTrue();
        mvc.perform(post("/tasks/" + decision.getId() + "/complete").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("vedtak", "godkjent").param("vedtattTilskudd", "1200000").param("begrunnelse", "<script>alert(1)</script>")
                .param("endre", "ja"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"task-form\"")))
                .andExpect(content().string(not(containsString("id=\"confirmation-summary\""))));
        assertThat(taskRows.findById(decision.getId()).orElseThrow().isOpen()).isTrue();
        mvc.perform(post("/tasks/" + decision.getId() + "/complete").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("vedtak", "godkjent").param("vedtattTilskudd", "1200000").param("begrunnelse", "<script>alert(1)</script>")
                .param("bekreftet", "ja"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/admission/" + decision.getCaseId()));
        mvc.perform(post("/tasks/" + decision.getId() + "/complete").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("vedtak", "godkjent").param("vedtattTilskudd", "1200000").param("begrunnelse", "Igjen.")
                .param("bekreftet", "ja"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/tasks/" + decision.getId()));
        mvc.perform(get("/admission/" + decision.getCaseId()).with(as(DemoUsers.VESTLAND)))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void auditTrailExportsAsCsv() throws Exception {
        UserTask decision = atCountyDecision();
        mvc.perform(get("/cases/ADMISSION/" + decision.getCaseId() + "/audit.csv").with(as(DemoUsers.VESTLAND)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                // issue 23, point 12: Norwegian headings, actions, processes and people by name
                .andExpect(content().string(containsString("Tidspunkt;Utført av;Handling;Prosess;Sak;Nøkkel;Hendelse")))
                .andExpect(content().string(containsString("\"Oppgave fullført\"")))
                .andExpect(content().string(containsString("\"Oppdrag registrert\"")))
                .andExpect(content().string(containsString("\"Opptak via forprosjekt\"")))
                .andExpect(content().string(containsString("\"Sara Saksbehandler\"")))
                .andExpect(content().string(not(containsString("\"TASK_COMPLETED\""))))
                .andExpect(content().string(not(containsString("\"saksbehandler\""))));
        mvc.perform(get("/audit/export.csv").with(as(DemoUsers.VESTLAND))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export.csv").with(as(DemoUsers.CASE_HANDLER))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export.csv").with(as(DemoUsers.PROJECT_LEADER))).andExpect(status().isOk());
    }

    /**
     * Issue 23, point 2: «Du er logget inn hos Siva, men har ingen rolle i Programflyt» only when it applies (its test was
     * always true, so it stood beside «Feil brukernavn eller passord»); the demo lists every demo user it created.
     */
    @Test
    void theLoginPageSaysOnlyWhatApplies_andListsEveryDemoUser() throws Exception {
        String plain = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(plain).doesNotContain("id=\"no-access\"").doesNotContain("har ingen rolle i Programflyt");
        assertThat(plain).contains("saksbehandler2").contains("Sindre Saksbehandler").contains("Anne Administrator")
                .contains("Prosjektleder i Siva").contains("Ansatt hos programoperatør");
        String wrongPassword = mvc.perform(get("/login").param("error", "")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrongPassword).contains("Feil brukernavn eller passord").doesNotContain("har ingen rolle i Programflyt");
        mvc.perform(get("/login").param("ingen-tilgang", ""))
                .andExpect(content().string(containsString("har ingen rolle i Programflyt")));
        // and a favicon, before anyone has signed in (point 13: no 404 in the log for every first visit)
        mvc.perform(get("/favicon.ico")).andExpect(status().isOk());
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
        assertThat(plain).contains("rel=\"icon\"");
    }

    @Test
    void unknownPagesAreNorwegianErrorPagesWithoutStackTraces() throws Exception {
        mvc.perform(get("/tasks/ikke-et-tall").with(as(DemoUsers.VESTLAND))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Fant ikke siden")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/finnes-ikke.css").with(as(DemoUsers.VESTLAND))).andExpect(status().isNotFound());
        mvc.perform(get("/tasks/999999").with(as(DemoUsers.VESTLAND))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Siden finnes ikke, eller du har ikke tilgang til den.")));
    }

    @Test
    void auditTrailIsAppendOnly() {
        atCountyDecision();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isPositive();
        Assertions.assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'x'"))
                .hasMessageContaining("audit_event is append-only");
        Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_event"))
                .hasMessageContaining("audit_event is append-only");
    }

    private UserTask atCountyDecision() {
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345882", "Sunnfjord Vekst AS", "46");
        complete(siva, awaitOpenTask(AdmissionService.CASE_TYPE, c.getId(), "gjennomfore-forprosjekt"), assessment(true));
        complete(siva, awaitOpenTask(AdmissionService.CASE_TYPE, c.getId(), "foresla-tilskudd"),
                Map.of("foreslattTilskudd", "1200000", "begrunnelse", "Begrunnet."));
        return awaitOpenTask(AdmissionService.CASE_TYPE, c.getId(), "fylkets-vedtak");
    }
}
