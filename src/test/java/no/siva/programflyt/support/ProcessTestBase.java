package no.siva.programflyt.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.JsonMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.spring.test.CamundaTestAutoConfiguration;
import io.camunda.zeebe.spring.test.ZeebeTestThreadSupport;
import io.camunda.zeebe.spring.test.proxy.CamundaClientProxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.admission.CommissionForm;
import no.siva.programflyt.admission.ProjectType;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.notifications.OutboxRepository;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserDetailsService;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyRepository;
import no.siva.programflyt.targetcompany.TargetCompanyService;
import no.siva.programflyt.tasks.TaskService;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of the tests that run processes: the whole application (real workers, real task projection, real
 * PostgreSQL) against a fresh in-memory Zeebe engine per test, started at the test's stated date
 * ({@link StatedDateEngine}, {@link TestDate}); the application's {@link #clock} is the engine's. Only external
 * systems are stubbed.
 */
@SpringBootTest
@Import(CamundaTestAutoConfiguration.class)
@TestExecutionListeners(listeners = StatedDateEngine.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ActiveProfiles("test")
@ContextConfiguration(initializers = BrregStub.class)
public abstract class ProcessTestBase {

    protected static final Locale NB = Locale.forLanguageTag("nb");

    @Autowired
    protected ZeebeTestEngine engine;
    /** The application's clock: the engine's, starting at the test's stated date. */
    @Autowired
    protected Clock clock;
    @Autowired
    protected TestDatabase database;
    @Autowired
    protected AdmissionService admissions;
    @Autowired
    protected TaskService tasks;
    @Autowired
    private AppUserRepository appUsers;
    @Autowired
    protected UserTaskRepository taskRows;
    @Autowired
    protected OutboxRepository outbox;
    @Autowired
    private AppUserDetailsService users;
    @Autowired
    private TargetCompanyService targetCompanyService;
    @Autowired
    private TargetCompanyRepository targetCompanyRows;

    @Autowired
    private CamundaClientProxy clientProxy;
    @Autowired
    private ObjectProvider<JsonMapper> jsonMapper;
    private CamundaClient patientClient;
    @Value("${camunda.client.request-timeout}")
    private Duration requestTimeout;

    @BeforeEach
    void emptyDatabase() {
        database.reset();
        BrregStub.reset();
    }

    /**
     * The client that {@code @ZeebeSpringTest} hands the application ignores {@code camunda.client.request-timeout}
     * and gives every command 10 s; the busy in-memory engine on a 2-core machine has taken longer to accept one
     * (DEADLINE_EXCEEDED in a fresh-clone run). The application's own commands in these tests get the test profile's
     * {@code camunda.client.request-timeout} instead; the workers keep the listener's client.
     */
    @BeforeEach
    void patientEngineCommands() {
        var builder = CamundaClient.newClientBuilder().preferRestOverGrpc(false)
                .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
                .defaultRequestTimeout(requestTimeout);
        jsonMapper.ifAvailable(builder::withJsonMapper);
        patientClient = builder.build();
        clientProxy.swapZeebeClient(patientClient);
    }

    @AfterEach
    void closePatientClient() {
        if (patientClient != null) {
            patientClient.close();
        }
    }

    /** Today in Oslo by the application's (and the engine's) clock. */
    protected LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Moves the engine's clock, and with it the application's, on; timers due in between fire. */
    protected void advance(Duration step) {
        engine.increaseTime(step);
    }

    /** Moves the engine's clock to {@code target}, or leaves it where it is if that is already later. */
    protected void moveClockTo(Instant target) {
        Duration step = Duration.between(clock.instant(), target);
        if (!step.isNegative()) {
            advance(step);
        }
    }

    protected CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    /** A staff member of the operator (created on first use): operator staff see their own operator only. */
    protected CurrentUser operatorUser(Operator operator) {
        String username = "staff-" + operator.getId();
        if (appUsers.findById(username).isEmpty()) {
            appUsers.save(new AppUser(username, "Kari Leder", "kari@nordfjord.example.no",
                    "{noop}x", Set.of(Role.OPERATOR), Set.of(),
                    operator.getId()));
        }
        return user(username);
    }

    protected AdmissionCase commission(CurrentUser county, String orgNumber, String name, String countyCode) {
        CommissionForm f = new CommissionForm();
        f.setProjectType(ProjectType.FORPROSJEKT_OPPTAK);
        f.setOrgNumber(orgNumber);
        f.setCompanyName(name);
        f.setCountyCode(countyCode);
        f.setCompanyEmail("post@selskap.example.no");
        f.setPilotBudget("250 000");
        f.setPilotEndDate(today().plusMonths(4));
        return admissions.register(county, f);
    }

    /** Waits until the engine has created the user task and the projection holds it. */
    protected UserTask awaitOpenTask(String caseType, long caseId, String elementId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> findOpen(caseType, caseId, elementId), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until the engine has ended the instance (a row written inside a job comes before the job's completion). */
    protected void awaitEnded(long processInstanceKey) {
        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(processInstanceKey, Duration.ofSeconds(20));
    }

    protected Optional<UserTask> findOpen(String caseType, long caseId, String elementId) {
        return taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(caseType, caseId).stream()
                .filter(t -> t.isOpen() && t.getElementId().equals(elementId)).findFirst();
    }

    protected FormSubmission complete(CurrentUser user, UserTask task, Map<String, String> values) {
        Map<String, List<String>> input = new HashMap<>();
        values.forEach((k, v) -> input.put(k, List.of(v)));
        return tasks.complete(user, task.getId(), input, NB);
    }

    protected static Map<String, String> assessment(boolean qualified) {
        Map<String, String> v = new HashMap<>();
        for (int i = 1; i <= 8; i++) {
            v.put("kriterium" + i, qualified || i > 1 ? "oppfylt" : "ikke-oppfylt");
            v.put("begrunnelse" + i, "Vurdert i forprosjektet.");
        }
        v.put("konklusjon", qualified ? "kvalifisert" : "ikke-kvalifisert");
        v.put("oppsummering", qualified ? "Oppfyller kriteriene." : "Kommunal aksjemajoritet.");
        return v;
    }

    /** A target company's needs mapping with figures that make it an independent SME. */
    protected static Map<String, String> targetCompanyMapping() {
        Map<String, String> v = new HashMap<>();
        v.put("behov", "Hjelp med markedsføring og eksport.");
        v.put("utviklingslop", "Ny nettbutikk og første eksportmarked.");
        v.put("arsverk", "6");
        v.put("omsetning", "8 000 000");
        v.put("balanse", "4 000 000");
        v.put("regnskapsar", "2025");
        v.put("smbForrigeAr", "ja");
        v.put("aksjekapital", "100000");
        v.put("egenkapital", "900000");
        return v;
    }

    /** Registers a target company and takes it through the admission phase to an active agreement. */
    protected TargetCompany admitTargetCompany(CurrentUser staff, long operatorId, String org, LocalDate start,
                                               LocalDate end) {
        TargetCompany c = targetCompanyService.register(staff, operatorId, org, "Målbedrift " + org + " AS",
                "post@mb.example.no");
        UserTask mapping = awaitOpenTask(TargetCompanyService.CASE_TYPE, c.getId(), "kartlegge-behov");
        assertThat(mapping.candidateGroupList()).containsExactly("operator-" + operatorId);
        assertThat(complete(staff, mapping, targetCompanyMapping()).valid()).isTrue();
        signAndAgree(staff, c, start, end);
        return targetCompanyRows.findById(c.getId()).orElseThrow();
    }

    /** The self-declaration and the agreement of a company whose needs are mapped. */
    protected void signAndAgree(CurrentUser staff, TargetCompany c, LocalDate start, LocalDate end) {
        sign(staff, c, start);
        assertThat(complete(staff, awaitOpenTask(TargetCompanyService.CASE_TYPE, c.getId(), "avtale-og-plan"),
                agreementForm(start, end, "500000")).valid()).isTrue();
    }

    /** The self-declaration, signed on {@code signed} (the admission date). */
    protected void sign(CurrentUser staff, TargetCompany c, LocalDate signed) {
        assertThat(complete(staff, awaitOpenTask(TargetCompanyService.CASE_TYPE, c.getId(), "egenerklaering"),
                Map.of("bekreftSmb", "true", "kategori", "uavhengig", "bekreftIkkeVansker", "true", "bekreftIngenKrav",
                        "true", "annenStotte", "nei", "signertDato", signed.toString(), "signertAv", "Kari Daglig Leder"))
                .valid()).isTrue();
    }

    /** The agreement form: start, end and the aid granted with it (NOK). */
    protected static Map<String, String> agreementForm(LocalDate start, LocalDate end, String grantedNok) {
        Map<String, String> agreement = new HashMap<>(Map.of("avtalestart", start.toString(), "avtaleslutt", end.toString(),
                "omfang", "Rådgivning en til en", "mal", "Eksport", "tjenester", "Markedsrådgivning",
                "revisjonsdato", start.plusMonths(6).toString(), "stotteintensitet", "60"));
        agreement.put("ktuNavn", "Kari");
        agreement.put("ktuEpost", "kari@mb.example.no");
        agreement.put("innvilgetStotte", grantedNok);
        return agreement;
    }
}
