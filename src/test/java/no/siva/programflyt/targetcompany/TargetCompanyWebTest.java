package no.siva.programflyt.targetcompany;

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

import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.targetcompany.ledger.EurRates;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The operator's portfolio, the ledger form, the CSV import (all or nothing) and scope. */
@AutoConfigureMockMvc
class TargetCompanyWebTest extends ProcessTestBase {

    private static final String HEADER = "organisasjonsnummer;navn;e-post;opptaksdato;avtalestart;avtaleslutt;"
            + "støtteintensitet;ktu-navn;ktu-epost\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    TargetCompanyRepository companies;
    @Autowired
    OperatorRepository operators;
    @Autowired
    EurRates rates;
    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    private MockMultipartFile csv(String body) {
        return new MockMultipartFile("file", "malbedrifter.csv", "text/csv", (HEADER + body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importWithOneBadRowImportsNothingAndNamesTheRowAndField() throws Exception {
        mvc.perform(multipart("/target-companies/import").file(csv("""
                912345742;Fjordfisk AS;post@fjordfisk.no;01.02.2025;01.02.2025;31.01.2028;60;Kari;kari@fjordfisk.no
                912345815;Skogtre AS;;15.03.2025;15.03.2025;14.03.2028;80;Ola;ola@skogtre.no
                """)).with(as(DemoUsers.OPERATOR_USER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingenting er importert.")))
                .andExpect(content().string(containsString("Rad 3 støtteintensitet: støtteintensiteten må være over 0 og høyst 75 %.")));
        assertThat(companies.count()).isZero();

        mvc.perform(multipart("/target-companies/import").file(csv("""
                912345742;Fjordfisk AS;post@fjordfisk.no;01.02.2025;01.02.2025;31.01.2028;60;Kari;kari@fjordfisk.no
                912345815;Skogtre AS;;15.03.2025;15.03.2025;14.03.2028;75;Ola;ola@skogtre.no
                """)).with(as(DemoUsers.OPERATOR_USER)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "import.done"));
        assertThat(companies.findAll()).hasSize(2).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo(TargetCompanyStatus.ACTIVE));
        // the lifecycles start in the background after the import's commit: one each
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> companies.findAll().stream().allMatch(c -> c.getProcessInstanceKey() != null));
        TargetCompany fjordfisk = companies.findAll().stream().filter(c -> c.getOrgNumber().equals("912345742")).findFirst().orElseThrow();
        awaitOpenTask(TargetCompanyService.CASE_TYPE, fjordfisk.getId(), "utviklingssamtale");   // straight into the active period

        // a second import of the same company is refused: it has an open case
        mvc.perform(multipart("/target-companies/import").file(csv(
                "912345742;Fjordfisk AS;;01.02.2025;01.02.2025;31.01.2028;60;Kari;kari@fjordfisk.no\n"))
                .with(as(DemoUsers.OPERATOR_USER)).with(csrf()))
                .andExpect(content().string(containsString("Rad 2 organisasjonsnummer: bedriften har allerede en åpen sak")));
    }

    @Autowired
    ImportedLifecycles lifecycles;

    /** Two starters at once (two instances catching up): one lifecycle, one first-year task, nothing cancelled. */
    @Test
    void anImportedCompanyGetsExactlyOneLifecycle_evenWhenStartedTwiceAtOnce() throws Exception {
        TargetCompany c = new TargetCompany(user(DemoUsers.OPERATOR_USER).operatorId(), "912345742", "Fjordfisk AS", null, null, "test",
                clock.instant());
        c.selfDeclarationSigned(LocalDate.of(2025, 2, 1), BigDecimal.ZERO);
        c.agreed(LocalDate.of(2025, 2, 1), LocalDate.of(2028, 1, 31), "Importert", null, null, null, "Kari",
                "kari@fjordfisk.no", new BigDecimal("60"));
        long id = companies.save(c).getId();
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> lifecycles.catchUp());
            var b = pool.submit(() -> lifecycles.catchUp());
            assertThat(a.get() + b.get()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(companies.findById(id).orElseThrow().getProcessInstanceKey()).isNotNull();
        awaitOpenTask(TargetCompanyService.CASE_TYPE, id, "utviklingssamtale");
        assertThat(lifecycles(ProcessInstanceIntent.ELEMENT_ACTIVATED)).hasSize(1);
        assertThat(lifecycles(ProcessInstanceIntent.ELEMENT_TERMINATED)).isEmpty();
        assertThat(taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(TargetCompanyService.CASE_TYPE, id))
                .filteredOn(t -> t.isOpen() && t.getElementId().equals("utviklingssamtale")).hasSize(1);
    }

    /** The keys of this test engine's lifecycle instances that passed {@code intent}. */
    private List<Long> lifecycles(ProcessInstanceIntent intent) {
        return StreamSupport.stream(RecordStream
                .of(engine.getRecordStreamSource()).processInstanceRecords().spliterator(), false)
                .filter(r -> r.getValue().getBpmnProcessId().equals(TargetCompanyService.PROCESS_ID)
                        && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
                        && r.getIntent() == intent)
                .map(r -> r.getKey()).toList();
    }

    @Test
    void importRefusesWrongEncodingAndSeparator() throws Exception {
        byte[] latin1 = (HEADER + "912345742;Fjordfisk Æ AS;;01.02.2025;01.02.2025;31.01.2028;60;Kari;kari@f.no\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(multipart("/target-companies/import").file(new MockMultipartFile("file", "x.csv", "text/csv", latin1))
                .with(as(DemoUsers.OPERATOR_USER)).with(csrf()))
                .andExpect(content().string(containsString("Filen er ikke UTF-8")));
        mvc.perform(multipart("/target-companies/import").file(new MockMultipartFile("file", "x.csv", "text/csv",
                "organisasjonsnummer,navn\n912345742,Fjordfisk AS\n".getBytes(StandardCharsets.UTF_8)))
                .with(as(DemoUsers.OPERATOR_USER)).with(csrf()))
                .andExpect(content().string(containsString("Bruk semikolon (;) mellom kolonnene.")));
        assertThat(companies.count()).isZero();
    }

    @Test
    void portfolioLedgerAndScope() throws Exception {
        rates.set(2026, new BigDecimal("11.5000"), true);
        mvc.perform(multipart("/target-companies/import").file(csv(
                "912345742;Fjordfisk AS;;01.02.2026;01.02.2026;31.01.2029;60;Kari;kari@fjordfisk.no\n"))
                .with(as(DemoUsers.OPERATOR_USER)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        TargetCompany c = companies.findAll().get(0);

        mvc.perform(get("/target-companies").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Fjordfisk AS")))
                .andExpect(content().string(containsString("0 % av taket")));
        // issue 23, point 10: the operator's page leads to its target companies, and the list keeps to that operator
        long otherOperator = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
        mvc.perform(get("/operators/" + c.getOperatorId()).with(as(DemoUsers.CASE_HANDLER)))
                .andExpect(content().string(containsString("/target-companies?operatorId=" + c.getOperatorId())))
                .andExpect(content().string(containsString("/reporting?operatorId=" + c.getOperatorId())));
        mvc.perform(get("/target-companies").param("operatorId", Long.toString(c.getOperatorId())).with(as(DemoUsers.CASE_HANDLER)))
                .andExpect(content().string(containsString("Fjordfisk AS")));
        mvc.perform(get("/target-companies").param("operatorId", Long.toString(otherOperator)).with(as(DemoUsers.CASE_HANDLER)))
                .andExpect(content().string(not(containsString("Fjordfisk AS"))));
        // nothing granted yet: a line is refused at its amount, nothing saved
        mvc.perform(post("/target-companies/" + c.getId() + "/ledger").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("serviceDate", "2026-03-10").param("costType", "INNOVATION_ADVISORY")
                .param("description", "Markedsrådgivning").param("marketValue", "10 000").param("ownContribution", "4 000"))
                .andExpect(flash().attribute("fieldErrorKey", "ledger.error.aboveGranted"))
                .andExpect(flash().attribute("fieldError", "marketValue"));
        // bad input at the field: a date that is no date, a grant outside the agreement
        mvc.perform(post("/target-companies/" + c.getId() + "/grant").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("grantDate", "31.02.2026").param("grantAmount", "50 000").param("grantReason", "Avtalen"))
                .andExpect(flash().attribute("fieldErrorKey", "ledger.error.date"))
                .andExpect(flash().attribute("fieldError", "grantDate"));
        mvc.perform(post("/target-companies/" + c.getId() + "/grant").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("grantDate", "2026-02-01").param("grantAmount", "femti tusen").param("grantReason", "Avtalen"))
                .andExpect(flash().attribute("fieldErrorKey", "ledger.error.amountFormat"))
                .andExpect(flash().attribute("fieldError", "grantAmount"))
                .andExpect(flash().attribute("grantInput", Map.of("grantDate", "2026-02-01", "grantAmount", "femti tusen",
                        "grantReason", "Avtalen")));
        mvc.perform(post("/target-companies/" + c.getId() + "/grant").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("grantDate", "2026-01-31").param("grantAmount", "50 000").param("grantReason", "Avtalen"))
                .andExpect(flash().attribute("fieldErrorKey", "ledger.error.firstGrantOnAdmission"))
                .andExpect(flash().attribute("fieldError", "grantDate"));
        mvc.perform(post("/target-companies/" + c.getId() + "/grant").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("grantDate", "2026-02-01").param("grantAmount", "50 000").param("grantReason", "Avtalen"))
                .andExpect(flash().attribute("successKey", "ledger.grantRecorded"));
        // an increase is dated the day it is granted, never ahead
        mvc.perform(post("/target-companies/" + c.getId() + "/grant").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("grantDate", today().plusDays(1).toString()).param("grantAmount", "10 000").param("grantReason", "Mer"))
                .andExpect(flash().attribute("fieldErrorKey", "ledger.error.grantAhead"))
                .andExpect(flash().attribute("fieldError", "grantDate"));
        mvc.perform(post("/target-companies/" + c.getId() + "/ledger").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("serviceDate", "2026-03-10").param("costType", "INNOVATION_ADVISORY")
                .param("description", "Markedsrådgivning").param("marketValue", "10 000").param("ownContribution", "3 000"))
                .andExpect(flash().attribute("fieldErrorKey", "ledger.error.intensityAboveAgreed"))
                .andExpect(flash().attribute("fieldError", "ownContribution"));
        // after the self-declaration's expiry (signed 01.02.2026: valid until 31.01.2028) no line, with the date
        mvc.perform(post("/target-companies/" + c.getId() + "/ledger").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("serviceDate", "2028-02-01").param("costType", "INNOVATION_ADVISORY")
                .param("description", "Markedsrådgivning").param("marketValue", "10 000").param("ownContribution", "4 000"))
                .andExpect(flash().attribute("fieldErrorKey", "ledger.error.declarationExpired"))
                .andExpect(flash().attribute("fieldError", "serviceDate"));
        assertThat(jdbc.sql("select count(*) from aid_ledger_line").query(Long.class).single()).isZero();
        mvc.perform(post("/target-companies/" + c.getId() + "/ledger").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("serviceDate", "2026-03-10").param("costType", "INNOVATION_ADVISORY")
                .param("description", "<b>Markedsrådgivning</b>").param("marketValue", "10 000").param("ownContribution", "4 000"))
                .andExpect(flash().attribute("successKey", "ledger.recorded"));
        mvc.perform(get("/target-companies/" + c.getId()).with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;b&gt;Markedsrådgivning&lt;/b&gt;")))
                .andExpect(content().string(containsString("6\u00a0000\u00a0kr")))
                .andExpect(content().string(containsString("target-company-lifecycle.bpmn")));
        mvc.perform(get("/target-companies/ledger.csv").param("month", "2026-03").with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "912345742;2026-03-10;INNOVATION_ADVISORY;<b>Markedsrådgivning</b>;10000,00;4000,00;6000,00;1000,00;521,74")));
        mvc.perform(get("/target-companies/ledger.csv").param("month", "mars 2026").with(as(DemoUsers.OPERATOR_USER)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/target-companies.csv").with(as(DemoUsers.OPERATOR_USER))).andExpect(status().isOk())
                .andExpect(content().string(containsString("912345742;Fjordfisk AS;Sogn Næringshage AS;Aktiv;01.02.2026;31.01.2029;60")));

        // scope: another operator's staff, and a county official of another county, see nothing of it
        long helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
        var other = new AppUser("helgeland-staff", "Hege", "hege@hnh.no", "{noop}x",
                Set.of(Role.OPERATOR), Set.of(), helgeland);
        users.save(other);
        mvc.perform(get("/target-companies/" + c.getId()).with(as("helgeland-staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/target-companies").with(as("helgeland-staff")))
                .andExpect(content().string(not(containsString("Fjordfisk AS"))));
        mvc.perform(post("/target-companies/" + c.getId() + "/ledger").with(as("helgeland-staff")).with(csrf())
                .param("serviceDate", "2026-03-11").param("costType", "INNOVATION_ADVISORY")
                .param("description", "x").param("marketValue", "100").param("ownContribution", "40"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/target-companies/ledger.csv").param("month", "2026-03").param("operatorId", Long.toString(c.getOperatorId()))
                .with(as("helgeland-staff")))
                .andExpect(content().string(not(containsString("912345742"))));
        mvc.perform(get("/target-companies/" + c.getId()).with(as(DemoUsers.NORDLAND))).andExpect(status().isNotFound());
        mvc.perform(get("/target-companies/" + c.getId()).with(as(DemoUsers.VESTLAND))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Før støtten"))));

        // early exit from the page
        mvc.perform(post("/target-companies/" + c.getId() + "/exit").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("reason", "EARLY_TERMINATION").param("exitDate", "30. juni"))
                .andExpect(flash().attribute("errorKey", "import.error.date"));
        mvc.perform(post("/target-companies/" + c.getId() + "/exit").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("reason", "EARLY_TERMINATION").param("exitDate", LocalDate.of(2026, 6, 30).toString()))
                .andExpect(flash().attribute("successKey", "targetcompany.exitRequested"));
        awaitOpenTask(TargetCompanyService.CASE_TYPE, c.getId(), "registrere-exit-portal");
    }

    @Test
    void registeringValidatesTheOrgNumber() throws Exception {
        mvc.perform(post("/target-companies").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("orgNumber", "912345743").param("name", "Feil AS"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Organisasjonsnummeret er ikke gyldig")));
        assertThat(companies.count()).isZero();
        mvc.perform(post("/target-companies").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("orgNumber", "912 345 742").param("name", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Fyll ut feltet.")))
                .andExpect(content().string(containsString("value=\"912 345 742\"")));
        assertThat(companies.count()).isZero();
        mvc.perform(post("/target-companies").with(as(DemoUsers.OPERATOR_USER)).with(csrf())
                .param("orgNumber", "912 345 742").param("name", "Riktig AS"))
                .andExpect(status().is3xxRedirection());
        assertThat(companies.findAll()).singleElement().satisfies(c -> assertThat(c.getOrgNumber()).isEqualTo("912345742"));
    }

    @Autowired
    AppUserRepository users;
}
