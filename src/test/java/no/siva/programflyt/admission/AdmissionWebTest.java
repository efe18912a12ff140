package no.siva.programflyt.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.documents.Document;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.support.BrregStub;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.DispatcherServlet;

/** The admission's pages: commission form with the register check, case page, documents, diagram, rate cap. */
@AutoConfigureMockMvc
class AdmissionWebTest extends ProcessTestBase {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();

    @Autowired
    MockMvc mvc;
    @Autowired
    AdmissionCaseRepository cases;
    @Autowired
    OperatorRepository operators;
    @Autowired
    DocumentService documents;

    private RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    @Test
    void unknownOrgNumberIsRefusedAtTheField_outageIsAcceptedForTheWorkerToRetry() throws Exception {
        mvc.perform(post("/admission").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("projectType", "FORPROSJEKT_OPPTAK").param("orgNumber", BrregStub.UNKNOWN)
                .param("companyName", "Finnes Ikke AS").param("countyCode", "46")
                .param("pilotBudget", "250 000").param("pilotEndDate", "2030-12-31"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Organisasjonsnummeret finnes ikke i Enhetsregisteret.")));
        assertThat(cases.count()).isZero();

        BrregStub.outage();
        mvc.perform(post("/admission").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("projectType", "FORPROSJEKT_OPPTAK").param("orgNumber", "912345742")
                .param("companyName", "Nordfjord AS").param("countyCode", "46")
                .param("pilotBudget", "250 000").param("pilotEndDate", "2030-12-31"))
                .andExpect(status().is3xxRedirection());
        assertThat(cases.count()).isEqualTo(1);
    }

    @Test
    void expansionNeedsAnOperator_andAJointCommissionNamesItsCounties() throws Exception {
        mvc.perform(post("/admission").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("projectType", "BRANSJEUTVIDELSE").param("countyCode", "46")
                .param("pilotBudget", "250 000").param("pilotEndDate", "2030-12-31"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Velg operatøren som utvidelsesprosjektet gjelder.")));
        assertThat(cases.count()).isZero();

        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        mvc.perform(post("/admission").with(as(DemoUsers.VESTLAND)).with(csrf())
                .param("projectType", "BRANSJEUTVIDELSE").param("operatorId", Long.toString(sogn))
                .param("countyCode", "46").param("coCountyCodes", "18").param("coCountyCodes", "46")
                .param("pilotBudget", "250 000").param("pilotEndDate", "2030-12-31"))
                .andExpect(status().is3xxRedirection());
        AdmissionCase c = cases.findAll().get(0);
        assertThat(c.getProjectType()).isEqualTo(ProjectType.BRANSJEUTVIDELSE);
        assertThat(c.getCoCounties()).containsExactly("18");
        mvc.perform(get("/admission/" + c.getId()).with(as(DemoUsers.NORDLAND))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Bransjeutvidelse: Sogn Næringshage AS")))
                .andExpect(content().string(containsString("Nordland")));
    }

    @Test
    void casePageShowsStageDiagramRegisterDecisionsAndDocuments() throws Exception {
        UserTask decision = atCountyDecision();
        long id = decision.getCaseId();
        mvc.perform(get("/admission/" + id).with(as(DemoUsers.VESTLAND))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-active=\"fylkets-vedtak\"")))
                .andExpect(content().string(containsString("data-done=\"gjennomfore-forprosjekt,foresla-tilskudd\"")))
                .andExpect(content().string(containsString("Fatt vedtak om finansiering og opptak</strong>.")))
                .andExpect(content().string(containsString("/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js")))
                .andExpect(content().string(containsString("Aksjeselskap")))          // the register's answer
                .andExpect(content().string(containsString("Sara Saksbehandler, ")))   // who proposed (by name), and when
                .andExpect(content().string(not(containsString(DemoUsers.CASE_HANDLER + ", "))))
                .andExpect(content().string(containsString("Ingen dokumenter ennå.")));
        mvc.perform(get("/processes/operator-admission.bpmn").with(as(DemoUsers.VESTLAND))).andExpect(status().isOk())
                .andExpect(content().string(containsString("bpmndi:BPMNDiagram")));
        mvc.perform(get("/processes/finnes-ikke.bpmn").with(as(DemoUsers.VESTLAND))).andExpect(status().isNotFound());

        // upload: type and size refused with a message, a real PDF kept and downloadable within scope only
        mvc.perform(multipart("/cases/ADMISSION/" + id + "/documents")
                .file(new MockMultipartFile("file", "virus.exe", "application/octet-stream", "MZ\u0090".getBytes()))
                .with(as(DemoUsers.VESTLAND)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("errorKey", "document.error.type"));
        mvc.perform(multipart("/cases/ADMISSION/" + id + "/documents")
                .file(new MockMultipartFile("file", "stor.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]))
                .with(as(DemoUsers.VESTLAND)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("errorKey", "document.error.tooLarge"));
        mvc.perform(multipart("/cases/ADMISSION/" + id + "/documents")
                .file(new MockMultipartFile("file", "referat.pdf", "application/pdf", PDF))
                .with(as(DemoUsers.NORDLAND)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/cases/ADMISSION/" + id + "/documents")
                .file(new MockMultipartFile("file", "referat.pdf", "application/pdf", PDF))
                .with(as(DemoUsers.VESTLAND)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "document.uploaded"));
        Document doc = documents.forCase(AdmissionService.CASE_TYPE, id).get(0);
        assertThat(doc.getFilename()).isEqualTo("referat.pdf");
        assertThat(doc.getUploadedBy()).isEqualTo(DemoUsers.VESTLAND);
        mvc.perform(get("/documents/" + doc.getId()).with(as(DemoUsers.CASE_HANDLER))).andExpect(status().isOk())
                .andExpect(content().bytes(PDF));
        mvc.perform(get("/documents/" + doc.getId()).with(as(DemoUsers.NORDLAND))).andExpect(status().isNotFound());
        mvc.perform(get("/documents/" + doc.getId()).with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isNotFound());
        mvc.perform(get("/admission/" + id).with(as(DemoUsers.VESTLAND)))
                .andExpect(content().string(containsString("referat.pdf")));
    }

    /**
     * The notice a redirect carries, as the dispatcher hands it on (MockMvc's flashAttr writes it into a mock session
     * that the application's session store, Spring Session, does not read).
     */
    private static final String INPUT_FLASH = DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE;

    @Test
    void noticesAfterARedirectRenderWithAndWithoutArguments() throws Exception {
        mvc.perform(get("/admission").requestAttr(INPUT_FLASH, Map.of("successKey", "admission.registered"))
                .with(as(DemoUsers.VESTLAND)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Oppdraget er registrert, og Siva er varslet.")));
        mvc.perform(get("/admission").requestAttr(INPUT_FLASH, Map.of("errorKey", "document.error.tooLarge"))
                .with(as(DemoUsers.VESTLAND)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Filen er for stor.")));
        mvc.perform(get("/admission").requestAttr(INPUT_FLASH, Map.of("errorKey", "ledger.error.intensityAboveMax",
                "errorArgs", new Object[] {"80 %", "75 %"})).with(as(DemoUsers.VESTLAND)))
                .andExpect(content().string(containsString("Støtteintensiteten blir 80 %, men kan ikke være over 75 %")));
    }

    @Test
    void hourlyRateCapIsShownLiveAndTheRuleIsTheServers() throws Exception {
        mvc.perform(get("/hourly-rate-cap").param("arslonn", "600 000").param("stillingsprosent", "60")
                .with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1\u00a0100\u00a0kr per time")))
                .andExpect(content().string(containsString("1\u00a0000\u00a0000\u00a0kr")));
        mvc.perform(get("/hourly-rate-cap").param("arslonn", "500000").param("stillingsprosent", "100")
                .with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(content().string(containsString("600\u00a0kr per time")));
        mvc.perform(get("/hourly-rate-cap").param("arslonn", "tusen").with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fyll ut årslønn og stillingsprosent")));
    }

    @Test
    void pilotTaskShowsTheRegisterPanelWithContradictionsFlagged() throws Exception {
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), BrregStub.ASA, "Fjordtest Utvikling ASA", "46");
        UserTask pilot = awaitOpenTask(AdmissionService.CASE_TYPE, c.getId(), "gjennomfore-forprosjekt");
        mvc.perform(get("/tasks/" + pilot.getId()).with(as(DemoUsers.CASE_HANDLER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Allmennaksjeselskap")))
                .andExpect(content().string(containsString("Strider mot kriterium 1")))
                .andExpect(content().string(not(containsString("Oppslaget i Enhetsregisteret er ikke gjort ennå."))));
    }

    /** Issue 23, point 10: the operator page carries its cooperation agreement and the documents of its cases. */
    @Test
    void operatorPageShowsItsAgreementAndTheDocumentsOfItsCases() throws Exception {
        UserTask decision = atCountyDecision();
        long id = decision.getCaseId();
        complete(user(DemoUsers.VESTLAND), decision, Map.of("vedtak", "godkjent", "vedtattTilskudd", "1200000",
                "forbehold", "Forbehold om statsbudsjettet.", "begrunnelse", "Godt forankret."));
        awaitOpenTask(AdmissionService.CASE_TYPE, id, "budsjett-timepris");   // after the grant letter
        long operatorId = cases.findById(id).orElseThrow().getOperatorId();
        Document letter = documents.forCase(AdmissionService.CASE_TYPE, id).get(0);
        assertThat(letter.getKind()).isEqualTo(Document.GRANT_LETTER);

        mvc.perform(get("/operators/" + operatorId).with(as(DemoUsers.CASE_HANDLER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#agreement\"")))
                .andExpect(content().string(containsString("Dokumenter (1)")))
                .andExpect(content().string(containsString("id=\"agreement-facts\"")))
                .andExpect(content().string(containsString(today().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))))
                .andExpect(content().string(containsString("1\u00a0200\u00a0000\u00a0kr")))
                .andExpect(content().string(containsString("Forbehold om statsbudsjettet.")))
                .andExpect(content().string(containsString("href=\"/documents/" + letter.getId() + "\"")))
                .andExpect(content().string(containsString("Forprosjekt: Sunnfjord Vekst AS")));
        // the operator's own staff see the agreement, but not the pilot project's documents (they never see that case)
        mvc.perform(get("/operators/" + operatorId).with(SecurityMockMvcRequestPostProcessors.user(
                operatorUser(operators.findById(operatorId).orElseThrow()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"agreement-facts\"")))
                .andExpect(content().string(containsString("Dokumenter (0)")))
                .andExpect(content().string(containsString("Ingen dokumenter du har tilgang til.")))
                .andExpect(content().string(not(containsString("/documents/" + letter.getId()))));
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
