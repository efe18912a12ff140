package no.siva.programflyt.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.support.ProcessTestBase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The follow-up pages: scope by county, Norwegian messages at the field and nothing half-saved, escaping. */
@AutoConfigureMockMvc
class FollowUpWebTest extends ProcessTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    FollowUpService service;
    @Autowired
    FollowUpWork followUpWork;
    @Autowired
    FollowUpCaseRepository cases;
    @Autowired
    OperatorRepository operators;
    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    private long sogn() {
        return operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
    }

    private long helgeland() {
        return operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aCountyOfficialStartsForHerOwnCountyOnly_andSeesOnlyHerCountysCases() throws Exception {
        mvc.perform(post("/follow-up").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("operatorId", Long.toString(helgeland())).param("evidence", "Svak leveranse."))
                .andExpect(status().isForbidden());   // another county's operator: not offered, so refused
        mvc.perform(post("/follow-up").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("operatorId", Long.toString(sogn())).param("evidence", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Fyll ut feltet.")));
        assertThat(cases.count()).isZero();

        mvc.perform(post("/follow-up").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("operatorId", Long.toString(sogn())).param("evidence", "Få nye målbedrifter <script>x</script>"))
                .andExpect(status().is3xxRedirection());
        long id = cases.findOpen(sogn()).orElseThrow().getId();
        awaitOpenTask(FollowUpService.CASE_TYPE, id, "gjennomfore-oppfolging");

        mvc.perform(get("/follow-up/" + id).with(as(DemoUsers.VESTLAND))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Oppfølging pågår")))
                .andExpect(content().string(containsString("&lt;script&gt;x&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>x</script>"))));
        mvc.perform(get("/follow-up").with(as("fylke-nordland"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/follow-up/" + id + "\""))));
        mvc.perform(get("/follow-up/" + id).with(as("fylke-nordland"))).andExpect(status().isNotFound());
        mvc.perform(post("/follow-up/" + id + "/meetings").with(as("fylke-nordland")).with(csrf())
                .param("heldOn", today().toString()).param("form", "FYSISK")
                .param("participants", "x").param("summary", "y"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/follow-up/" + id).with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isForbidden());
        mvc.perform(get("/follow-up/" + id).with(as(DemoUsers.PROJECT_LEADER))).andExpect(status().isOk());
        assertThat(count("follow_up_meeting")).isZero();
    }

    @Test
    void badInputIsRefusedAtTheFieldInNorwegian_andNothingIsSaved() throws Exception {
        long id = service.start(user(DemoUsers.CASE_HANDLER), sogn(), "Svak leveranse.").caseId();
        awaitOpenTask(FollowUpService.CASE_TYPE, id, "gjennomfore-oppfolging");
        String future = today().plusDays(3).toString();

        expectRefused(post("/follow-up/" + id + "/meetings").param("heldOn", future).param("form", "BREVDUE")
                .param("participants", "Siva").param("summary", ""),
                "Datoen kan ikke være frem i tid.", "Velg hvordan møtet ble holdt.", "Fyll ut feltet.");
        expectRefused(post("/follow-up/" + id + "/meetings").param("heldOn", "31.02.2026").param("form", "FYSISK")
                .param("participants", "Siva").param("summary", "Referat"), "Skriv en gyldig dato.");
        assertThat(count("follow_up_meeting")).isZero();

        expectRefused(post("/follow-up/" + id + "/measures").param("description", "Ny strategi").param("owner", "")
                .param("dueDate", today().minusDays(1).toString()),
                "Fristen kan ikke være tilbake i tid.", "Fyll ut feltet.");
        assertThat(count("follow_up_measure")).isZero();

        MockHttpServletRequestBuilder board = post("/follow-up/" + id + "/scoreboard");
        for (String area : followUpWork.areas().keySet()) {
            board.param("score-" + area, "aktivitet".equals(area) ? "7" : "3").param("comment-" + area, "ok");
        }
        expectRefused(board, "Velg en score fra 1 til 5.");
        assertThat(count("follow_up_scoreboard")).isZero();

        // a county official logs meetings but does not score
        mvc.perform(post("/follow-up/" + id + "/meetings").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("heldOn", today().toString()).param("form", "DIGITALT")
                .param("participants", "Fylket og Siva").param("summary", "Første møte."))
                .andExpect(status().is3xxRedirection());
        MockHttpServletRequestBuilder byCounty = post("/follow-up/" + id + "/scoreboard");
        followUpWork.areas().keySet().forEach(a -> byCounty.param("score-" + a, "3"));
        mvc.perform(byCounty.with(as(DemoUsers.VESTLAND)).with(csrf())).andExpect(status().isForbidden());
        assertThat(count("follow_up_meeting")).isEqualTo(1);
        assertThat(count("follow_up_scoreboard")).isZero();
        // no CSRF token, no change
        mvc.perform(post("/follow-up/" + id + "/meetings").with(as(DemoUsers.CASE_HANDLER))
                .param("heldOn", today().toString()).param("form", "DIGITALT")
                .param("participants", "x").param("summary", "y"))
                .andExpect(status().isForbidden());
        assertThat(count("follow_up_meeting")).isEqualTo(1);
    }

    @Test
    void theOperatorsDialoguePage_recordsADialogueThatRaisesAFollowUp() throws Exception {
        mvc.perform(get("/follow-up/operator/" + sogn()).with(as(DemoUsers.CASE_HANDLER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Registrer utviklingssamtale")));
        mvc.perform(get("/follow-up/operator/" + sogn()).with(as("fylke-nordland"))).andExpect(status().isNotFound());
        mvc.perform(post("/follow-up/operator/" + sogn() + "/dialogues").with(as(DemoUsers.CASE_HANDLER)).with(csrf())
                .param("heldOn", today().toString()).param("summary", "Samtale."))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Fyll ut feltet.")));
        assertThat(count("operator_dialogue")).isZero();
        mvc.perform(post("/follow-up/operator/" + sogn() + "/dialogues").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("heldOn", today().toString()).param("onTrack", "false").param("summary", "Samtale."))
                .andExpect(status().isForbidden());
        mvc.perform(post("/follow-up/operator/" + sogn() + "/dialogues").with(as(DemoUsers.CASE_HANDLER)).with(csrf())
                .param("heldOn", today().toString()).param("countyParticipated", "true")
                .param("onTrack", "false").param("summary", "Ingen vekst i porteføljen."))
                .andExpect(status().is3xxRedirection());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> cases.findOpen(sogn()).isPresent());
        assertThat(service.triggers(cases.findOpen(sogn()).orElseThrow().getId()))
                .extracting(FollowUpService.Trigger::type).containsExactly(TriggerType.DEVELOPMENT_DIALOGUE);
    }

    private void expectRefused(MockHttpServletRequestBuilder request, String... messages) throws Exception {
        var result = mvc.perform(request.with(as(DemoUsers.CASE_HANDLER)).with(csrf())).andExpect(status().isOk());
        for (String m : messages) {
            result.andExpect(content().string(containsString(m)));
        }
    }
}
