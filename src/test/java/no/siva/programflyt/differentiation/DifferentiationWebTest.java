package no.siva.programflyt.differentiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.support.ProcessTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * The differentiation pages: Siva sees scores; a county official sees only her county's operators and only result
 * groups, once the basis is sent; operator staff see nothing before the notification. Bad input gets a Norwegian
 * message and nothing is saved.
 */
@AutoConfigureMockMvc
class DifferentiationWebTest extends ProcessTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    DifferentiationService service;
    @Autowired
    DifferentiationAnalysis analysis;
    @Autowired
    DiffRoundRepository rounds;
    @Autowired
    GrantModelService grantModels;
    @Autowired
    IndicatorImport imports;
    @Autowired
    OperatorRepository operators;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DifferentiationSteps steps;
    @Autowired
    DocumentService documents;

    private long id;
    private long sogn;
    private long helgeland;

    private RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** A round for 2028 with Sogn (Vestland) ahead of Helgeland (Nordland), analysed and frozen. */
    @BeforeEach
    void analysedRound() {
        sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
        id = rounds.save(new DiffRound(2028, true, DemoUsers.PROJECT_LEADER, clock.instant())).getId();
        TreeMap<Integer, BigDecimal> steps = new TreeMap<>();
        for (int s = 1; s <= 6; s++) {
            steps.put(s, BigDecimal.valueOf(1_000_000L + 500_000L * s));
        }
        grantModels.newVersion(2029, steps, null, DemoUsers.PROJECT_LEADER);
        StringBuilder csv = new StringBuilder("organisasjonsnummer;indikator;verdi\n");
        for (Indicator i : service.indicators()) {
            if (!i.importable()) {
                continue;
            }
            csv.append(DemoUsers.DEMO_OPERATORS.get(0)).append(';').append(i.code()).append(";4,4\n");
            csv.append(DemoUsers.DEMO_OPERATORS.get(1)).append(';').append(i.code()).append(";2,1\n");
        }
        assertThat(imports.importCsv(user(DemoUsers.CASE_HANDLER), id, csv.toString().getBytes(StandardCharsets.UTF_8))
                .errors()).isEmpty();
        analysis.setMinimumAndPotential(user(DemoUsers.CASE_HANDLER), id, sogn, 3, 5);
        analysis.setMinimumAndPotential(user(DemoUsers.CASE_HANDLER), id, helgeland, 2, 4);
        analysis.freeze(id, DemoUsers.CASE_HANDLER);
        service.ensureCountyRows(id);
    }

    private String weightedOfSogn() {
        return analysis.resultsByOperator(id).get(sogn).weighted().toPlainString();
    }

    @Test
    void aCountyOfficialSeesHerCountysGroupsOnly_afterTheBasisIsSent() throws Exception {
        String weighted = weightedOfSogn();
        mvc.perform(get("/differentiation/" + id).with(as(DemoUsers.CASE_HANDLER))).andExpect(status().isOk())
                .andExpect(content().string(containsString(weighted.replace('.', ','))));   // 3,68: the Norwegian way

        mvc.perform(get("/differentiation/" + id + "/county/46").with(as(DemoUsers.VESTLAND))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Informasjonsgrunnlaget er ikke sendt ennå.")))
                .andExpect(content().string(not(containsString("Sogn"))));
        steps.sendBasis(id);
        long own = documents.forCase(DifferentiationService.CASE_TYPE, id).stream()
                .filter(d -> d.getKind().equals("INFORMASJONSGRUNNLAG-46")).findFirst().orElseThrow().getId();
        long other = documents.forCase(DifferentiationService.CASE_TYPE, id).stream()
                .filter(d -> d.getKind().equals("INFORMASJONSGRUNNLAG-18")).findFirst().orElseThrow().getId();
        mvc.perform(get("/differentiation/" + id + "/county/46/documents/" + own).with(as(DemoUsers.VESTLAND)))
                .andExpect(status().isOk());
        mvc.perform(get("/differentiation/" + id + "/county/46/documents/" + other).with(as(DemoUsers.VESTLAND)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/differentiation/" + id + "/county/18/documents/" + other).with(as(DemoUsers.VESTLAND)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/documents/" + other).with(as(DemoUsers.VESTLAND))).andExpect(status().isNotFound());
        mvc.perform(get("/documents/" + own).with(as(DemoUsers.VESTLAND))).andExpect(status().isNotFound());

        mvc.perform(get("/differentiation/" + id).with(as(DemoUsers.VESTLAND)))
                .andExpect(redirectedUrl("/differentiation/" + id + "/county/46"));
        String page = mvc.perform(get("/differentiation/" + id + "/county/46").with(as(DemoUsers.VESTLAND)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(operators.findById(sogn).orElseThrow().getName())
                .doesNotContain(operators.findById(helgeland).orElseThrow().getName())
                .doesNotContain(weighted).doesNotContain(weighted.replace('.', ','))
                .doesNotContain("Vektet score").doesNotContain("name=\"step.");
        String basis = mvc.perform(get("/differentiation/" + id + "/county/46/basis.csv").with(as(DemoUsers.VESTLAND)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(basis).contains("Sogn").doesNotContain("Helgeland").doesNotContain(weighted)
                .doesNotContain(weighted.replace('.', ','));

        // Siva's draft steps are not the county's until the proposal is sent
        analysis.setProposedSteps(user(DemoUsers.CASE_HANDLER), id, "46", Map.of(sogn, 5));
        assertThat(mvc.perform(get("/differentiation/" + id + "/county/46").with(as(DemoUsers.VESTLAND)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).replace('\u00a0', ' ').replace('\u202f', ' '))
                .doesNotContain("3 500 000");
        jdbc.sql("update diff_round_county set proposal_sent_at = now() where round_id = ? and county_code = '46'").param(id).update();
        assertThat(mvc.perform(get("/differentiation/" + id + "/county/46").with(as(DemoUsers.VESTLAND)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).replace('\u00a0', ' ').replace('\u202f', ' '))
                .contains("3 500 000");

        // another county, Siva's pages and the explanation: not for her
        mvc.perform(get("/differentiation/" + id + "/county/18").with(as(DemoUsers.VESTLAND))).andExpect(status().isNotFound());
        mvc.perform(get("/differentiation/" + id + "/county/18/basis.csv").with(as(DemoUsers.VESTLAND))).andExpect(status().isNotFound());
        mvc.perform(get("/differentiation/" + id + "/operator/" + sogn).with(as(DemoUsers.VESTLAND))).andExpect(status().isForbidden());
        mvc.perform(post("/differentiation/" + id + "/county/46/proposal").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("step." + sogn, "6")).andExpect(status().isForbidden());
        assertThat(analysis.resultsByOperator(id).get(sogn).proposedStep()).isEqualTo(5);
    }

    @Test
    void anOperatorSeesNothingBeforeTheNotification_thenItsOwnGroupsAndReasons() throws Exception {
        mvc.perform(get("/differentiation").with(as(DemoUsers.OPERATOR_USER))).andExpect(redirectedUrl("/differentiation/mine"));
        mvc.perform(get("/differentiation/" + id).with(as(DemoUsers.OPERATOR_USER))).andExpect(redirectedUrl("/differentiation/mine"));
        mvc.perform(get("/differentiation/mine").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Resultatene er ikke klare ennå.")))
                .andExpect(content().string(not(containsString("Resultatgruppe 1"))))
                .andExpect(content().string(not(containsString("Begrunnelse"))));
        mvc.perform(get("/differentiation/mine/" + id + "/letter").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isNotFound());
        mvc.perform(get("/differentiation/" + id + "/county/46").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isNotFound());
        mvc.perform(get("/differentiation/" + id + "/county/46/basis.csv").with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/differentiation/" + id + "/operator/" + sogn).with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(status().isForbidden());

        jdbc.sql("update diff_result set notified_at = now(), proposed_step = 4 where round_id = ?").param(id).update();
        String mine = mvc.perform(get("/differentiation/mine").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // with two operators the better one ranks at 50 % (group 2) and the other at 100 % (group 4)
        assertThat(mine).contains("Begrunnelse").contains("Aktivitet: resultatgruppe 2.").doesNotContain(weightedOfSogn())
                .doesNotContain("resultatgruppe 4.").contains("Differensieringsrunde 2028");
    }

    /**
     * The indicator import: a value out of its range, a missing operator, an unknown one, a duplicate row, a year that
     * is not one of the round's report years -- nothing imported, each row and column named in Norwegian.
     */
    @Test
    void badInputGetsANorwegianMessageAndNothingIsSaved() throws Exception {
        jdbc.sql("update diff_round set analysis_done_at = null where id = ?").param(id).update();
        long values = count("diff_indicator_value");
        String sognOrg = DemoUsers.DEMO_OPERATORS.get(0);
        MockMultipartFile bad = new MockMultipartFile("file", "data.csv", "text/csv",
                ("organisasjonsnummer;indikator;rapportår;verdi\n"
                        + sognOrg + ";akt.nye-inntak;2027;12,5\n"            // row 2: fine
                        + sognOrg + ";akt.art28;2027;140\n"                  // row 3: a share above 100 %
                        + ";akt.art28;2027;40\n"                             // row 4: no operator
                        + "123456785;akt.art28;2027;40\n"                    // row 5: not in the programme
                        + sognOrg + ";akt.nye-inntak;2027;13\n"              // row 6: the same value twice
                        + sognOrg + ";ktu.tilfredshet;2024;4\n"              // row 7: not a report year of 2028
                        + sognOrg + ";ktu.tilfredshet;2026;6\n"              // row 8: a KTU mean above 5
                        + sognOrg + ";akt.bedrifter-endring;2027;5\n"        // row 9: computed, never imported
                        + DemoUsers.DEMO_OPERATORS.get(1) + ";akt.art28;2027;mye\n").getBytes(StandardCharsets.UTF_8));
        String page = mvc.perform(multipart("/differentiation/" + id + "/import").file(bad).with(as(DemoUsers.CASE_HANDLER)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Ingenting er importert.")
                .contains("Rad 3 verdi: verdien 140 er utenfor det en andel i prosent kan være (0 til 100).")
                .contains("Rad 4 organisasjonsnummer: organisasjonsnummeret mangler")
                .contains("Rad 5 organisasjonsnummer: operatøren er ikke med i programmet.")
                .contains("Rad 6 indikator: indikatoren akt.nye-inntak for rapportåret 2027 står to ganger")
                .contains("Rad 7 rapportår: rapportåret «2024» er ikke et av rundens tre rapportår (2025–2027).")
                .contains("Rad 8 verdi: verdien 6 er utenfor det en verdi på skalaen 1–5 kan være (1 til 5).")
                .contains("Rad 9 indikator: indikatoren «akt.bedrifter-endring» regnes ut av Programflyt")
                .contains("Rad 10 verdi: verdien er ikke et tall")
                .doesNotContain("Rad 2 ");
        assertThat(count("diff_indicator_value")).isEqualTo(values);
        MockMultipartFile latin1 = new MockMultipartFile("file", "data.csv", "text/csv",
                "organisasjonsnummer;indikator;verdi\nBærum;x;1\n".getBytes(StandardCharsets.ISO_8859_1));
        mvc.perform(multipart("/differentiation/" + id + "/import").file(latin1).with(as(DemoUsers.CASE_HANDLER)).with(csrf()))
                .andExpect(content().string(containsString("Filen er ikke UTF-8.")));
        mvc.perform(multipart("/differentiation/" + id + "/import").file(bad).with(as(DemoUsers.VESTLAND)).with(csrf()))
                .andExpect(status().isForbidden());

        // by hand: every field checked like the import, shown at the field, nothing saved
        mvc.perform(post("/differentiation/" + id + "/operator/" + sogn + "/values").with(as(DemoUsers.CASE_HANDLER)).with(csrf())
                .param("v.2027.akt.virkemidler", "tolv").param("v.2026.akt.virkemidler", "101").param("v.2027.eks.eksport", "99"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Noen verdier er ikke gyldige")))
                .andExpect(content().string(containsString("Skriv et tall, for eksempel 12,5.")))
                .andExpect(content().string(containsString("Verdien må være en andel i prosent fra 0 til 100.")))
                .andExpect(content().string(containsString("value=\"tolv\"")));
        assertThat(analysis.stored(id).of(sogn).get(2027).get("eks.eksport").value()).isEqualByComparingTo("4.4");

        mvc.perform(post("/differentiation/grant-model").with(as(DemoUsers.PROJECT_LEADER)).with(csrf())
                .param("from", "2029").param("amount.1", "2 000 000").param("amount.2", "1 500 000"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Beløpet må øke for hvert trinn.")));
        mvc.perform(post("/differentiation/grant-model").with(as(DemoUsers.PROJECT_LEADER)).with(csrf())
                .param("from", "2029").param("amount.1", "2 000 000").param("amount.3", "3 000 000"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("uten hull")));
        assertThat(grantModels.versions(2029)).hasSize(1);
        mvc.perform(post("/differentiation/grant-model").with(as(DemoUsers.CASE_HANDLER)).with(csrf())
                .param("from", "2029").param("amount.1", "2 000 000")).andExpect(status().isForbidden());
        mvc.perform(post("/differentiation/grant-model").with(as(DemoUsers.PROJECT_LEADER)).with(csrf())
                .param("from", "2029").param("amount.1", "2 000 000").param("amount.2", "2 600 000"))
                .andExpect(redirectedUrl("/differentiation/grant-model?from=2029"));
        assertThat(grantModels.latest(2029).orElseThrow().steps()).hasSize(2);

        mvc.perform(post("/differentiation/start").with(as(DemoUsers.CASE_HANDLER)).with(csrf()).param("year", "2028"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/differentiation/start").with(as(DemoUsers.PROJECT_LEADER)).with(csrf()).param("year", "2028"))
                .andExpect(redirectedUrl("/differentiation"));
        mvc.perform(post("/differentiation/" + id + "/state-budget").with(as(DemoUsers.CASE_HANDLER)).with(csrf())
                .param("date", "6. oktober")).andExpect(redirectedUrl("/differentiation/" + id + "#budget-date"))
                .andExpect(MockMvcResultMatchers.flash()
                        .attribute("budgetError", "differentiation.error.date"));
        mvc.perform(post("/differentiation/grant-model").with(as(DemoUsers.PROJECT_LEADER)).with(csrf())
                .param("from", "tjueni").param("amount.1", "2 000 000")).andExpect(redirectedUrl("/differentiation/grant-model"));
        mvc.perform(get("/differentiation/grant-model").param("from", "tjueni").with(as(DemoUsers.PROJECT_LEADER)))
                .andExpect(status().isOk()).andExpect(model().attribute("errorKey", "differentiation.error.period"));
        mvc.perform(post("/differentiation/start").with(as(DemoUsers.PROJECT_LEADER)).with(csrf()).param("year", "tjueåtte"))
                .andExpect(redirectedUrl("/differentiation"))
                .andExpect(MockMvcResultMatchers.flash().attribute("errorKey", "differentiation.error.yearFormat"));
        assertThat(service.find(id).orElseThrow().getBudgetProposalOn()).isNull();
    }

    /** A value as the field shows it saves back unchanged: every decimal, and negatives (even with a typed «−»). */
    @Test
    void valuesAsShownSaveBackUnchanged() throws Exception {
        jdbc.sql("update diff_round set analysis_done_at = null, method_json = null where id = ?").param(id).update();
        analysis.setValues(user(DemoUsers.CASE_HANDLER), id, sogn, 2027, Map.of("sund.driftsresultat",
                new BigDecimal("-150000"), "ktu.tilfredshet", new BigDecimal("3.6667")), "IMPORT");
        String page = mvc.perform(get("/differentiation/" + id + "/operator/" + sogn).with(as(DemoUsers.CASE_HANDLER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("value=\"-150000\"").contains("value=\"3,6667\"");
        mvc.perform(post("/differentiation/" + id + "/operator/" + sogn + "/values").with(as(DemoUsers.CASE_HANDLER)).with(csrf())
                .param("v.2027.sund.driftsresultat", "\u2212150 000").param("v.2027.ktu.tilfredshet", "3,6667"))
                .andExpect(redirectedUrl("/differentiation/" + id + "/operator/" + sogn));
        var stored = analysis.stored(id).of(sogn).get(2027);
        assertThat(stored.get("sund.driftsresultat").value()).isEqualByComparingTo("-150000");
        assertThat(stored.get("ktu.tilfredshet").value()).isEqualByComparingTo("3.6667");
        assertThat(stored.get("ktu.tilfredshet").source()).isEqualTo("SIVA");
    }

    @Test
    void sivaSeesEveryScoreExplainedDownToTheIndicatorValues() throws Exception {
        String page = mvc.perform(get("/differentiation/" + id + "/operator/" + sogn).with(as(DemoUsers.CASE_HANDLER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Andel nye opptak i rapportåret (%)").contains("<span>4,4</span>")   // frozen: text, Norwegian
                .contains("Programnivå").contains("Quantum Leap").contains("(støttende, teller ikke)");
        mvc.perform(get("/differentiation/" + id).with(as(DemoUsers.PROJECT_LEADER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tidslinje")))
                .andExpect(content().string(containsString("Resultatgruppe 1")));
        mvc.perform(get("/differentiation/grant-model").with(as(DemoUsers.PROJECT_LEADER))).andExpect(status().isOk());
        mvc.perform(get("/differentiation").with(as(DemoUsers.NORDLAND))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/differentiation/" + id + "/county/18")))
                .andExpect(content().string(not(containsString("/differentiation/" + id + "/county/46"))));
    }

    /** A refused action (a year outside the window) goes back to its page with the rule's words, and saves nothing. */
    @Test
    void aRefusedActionReturnsToItsPageWithTheMessage_andSavesNothing() throws Exception {
        long before = count("diff_round");
        mvc.perform(post("/differentiation/start").param("year", "1999").with(as(DemoUsers.PROJECT_LEADER)).with(csrf()))
                .andExpect(redirectedUrl("/differentiation"))
                .andExpect(flash().attribute("errorKey", "differentiation.error.year"))
                .andExpect(flash().attributeExists("errorArgs"));
        assertThat(count("diff_round")).isEqualTo(before);
    }
}
