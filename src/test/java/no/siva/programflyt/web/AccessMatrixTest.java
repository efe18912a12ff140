package no.siva.programflyt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.siva.programflyt.access.AccessAdministration;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.differentiation.DiffRound;
import no.siva.programflyt.differentiation.DifferentiationService;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.followup.FollowUpService;
import no.siva.programflyt.overview.OverviewQuery;
import no.siva.programflyt.overview.SavedViews;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.OidcLogin;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyService;
import no.siva.programflyt.tasks.TaskQuery;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application, found by enumerating the request mappings, requested by every role, on an object
 * in the user's own county or operator and on one outside it. A mapping missing from {@link #matrix} fails the test,
 * so a new endpoint cannot go unchecked. Every state-changing request is also sent without its CSRF token.
 * <p>"Own" is Vestland (county 46) and Sogn Næringshage (its operator, whose staff is {@code naeringshage}); "other" is
 * Nordland (18) and Helgeland Næringshage. Allowed: any answer but 401, 403, 404, a redirect to the login page or a
 * server error. Refused: 403 or 404 (a page outside one's scope does not exist for one), and the login page for the
 * anonymous.
 */
@AutoConfigureMockMvc
class AccessMatrixTest extends ProcessTestBase {

    protected static final String[] SIVA_STAFF = {DemoUsers.CASE_HANDLER, DemoUsers.PROJECT_LEADER, DemoUsers.ADMIN};

    static final String ANON = "anonym";
    static final String SB = DemoUsers.CASE_HANDLER;
    static final String PL = DemoUsers.PROJECT_LEADER;
    static final String FY = DemoUsers.VESTLAND;
    static final String OP = DemoUsers.OPERATOR_USER;
    static final String AD = DemoUsers.ADMIN;
    private static final List<String> EVERYONE = List.of(ANON, SB, PL, FY, OP, AD);

    private static final Set<String> NOBODY = Set.of();
    private static final String ANOTHER_COMPANY = "912346269";
    private static final Set<String> SIVA = Set.of(SB, PL, AD);
    private static final Set<String> SIVA_COUNTY = Set.of(SB, PL, AD, FY);
    private static final Set<String> SIGNED_IN = Set.of(SB, PL, FY, OP, AD);
    private static final Set<String> PUBLIC = Set.of(ANON, SB, PL, FY, OP, AD);

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    OperatorRepository operators;
    @Autowired
    TargetCompanyService targetCompanies;
    @Autowired
    FollowUpService followUps;
    @Autowired
    DifferentiationService differentiation;
    @Autowired
    DocumentService documents;
    @Autowired
    SavedViews views;
    @Autowired
    JdbcClient jdbc;

    /** One request of the matrix: a concrete URL and who may make it. */
    record Probe(HttpMethod method, String url, Map<String, String> params, Set<String> allowed, boolean file,
                 Runnable before, List<String> askers) {
        Probe(HttpMethod method, String url, Map<String, String> params, Set<String> allowed) {
            this(method, url, params, allowed, false, () -> {}, EVERYONE);
        }

        /** Sent as a multipart request with a small PDF as "file". */
        Probe withFile() {
            return new Probe(method, url, params, allowed, true, before, askers);
        }

        /** Run before each user's request, so that each finds the same state. */
        Probe before(Runnable reset) {
            return new Probe(method, url, params, allowed, file, reset, askers);
        }

        /** Sent by these users only (the row's other probes cover the rest). */
        Probe askedBy(String... users) {
            return new Probe(method, url, params, allowed, file, before, List.of(users));
        }
    }

    /** Flash messages after a redirect that mean the user may not do this (not: may, but not now). */
    private static final Set<String> REFUSAL_MESSAGES = Set.of("task.error.notYours", "task.error.mayNotAssign");

    private final Map<String, List<Probe>> matrix = new LinkedHashMap<>();

    private static final String SOGN_STAFF = "sogn-ansatt";
    private static final String HELGELAND_STAFF = "helgeland-ansatt";
    @Autowired
    AccessAdministration access;
    @Autowired
    AppUserRepository appUsers;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyEndpoint_everyRole_ownAndOtherScope() throws Exception {
        Fixture f = new Fixture();
        describe(f);

        Set<String> mapped = mappedEndpoints();
        assertThat(mapped).as("endpoints without a row in the access matrix").isSubsetOf(matrix.keySet());
        assertThat(matrix.keySet()).as("rows of the access matrix without an endpoint").isSubsetOf(mapped);

        List<String> wrong = new ArrayList<>();
        // reads first, then the state-changing requests, each by the refused users before the allowed ones
        List<Probe> probes = matrix.values().stream().flatMap(List::stream)
                .sorted((a, b) -> Boolean.compare(a.method() != HttpMethod.GET, b.method() != HttpMethod.GET)).toList();
        for (Probe p : probes) {
            // the refused first, then the allowed, the case handler (who owns the saved filter and view) last
            List<String> order = Stream.concat(p.askers().stream().filter(u -> !p.allowed().contains(u)),
                    Stream.concat(p.askers().stream().filter(u -> p.allowed().contains(u) && !u.equals(SB)),
                            Stream.of(SB).filter(u -> p.allowed().contains(u) && p.askers().contains(u))))
                    .toList();
            for (String who : order) {
                if (who.equals(SB) && f.ownedBySb.containsKey(p.url()) && !f.ownedBySb.get(p.url()).getAsBoolean()) {
                    wrong.add(p.url() + ": deleted by someone other than its owner");
                }
                p.before().run();
                MvcResult result = perform(p, who, true);
                int status = result.getResponse().getStatus();
                String outcome = outcome(result);
                boolean allowed = p.allowed().contains(who);
                if (status >= 500 || allowed != outcome.equals("allowed")) {
                    wrong.add(String.format("%s %s as %s: %s (%d), expected %s", p.method(), p.url(), who, outcome,
                            status, allowed ? "allowed" : "refused"));
                }
                // whatever they ask for, the county official and the operator's staff never see the other scope
                // (a page asked for with the other operator's id shows their own)
                if ((who.equals(FY) || who.equals(OP)) && status < 400) {
                    String shown = body(result) + " " + result.getResponse().getRedirectedUrl();
                    f.otherScopeMarks().stream().filter(shown::contains).forEach(mark -> wrong.add(String.format(
                            "%s %s as %s: shows \"%s\" of the other scope", p.method(), p.url(), who, mark)));
                }
            }
            if (p.method() != HttpMethod.GET) {
                String someone = p.allowed().stream().filter(u -> !u.equals(ANON)).findFirst().orElse(SB);
                int status = perform(p, someone, false).getResponse().getStatus();
                if (status != 403) {
                    wrong.add(String.format("%s %s as %s without CSRF token: %d, expected 403", p.method(), p.url(),
                            someone, status));
                }
            }
        }
        assertThat(wrong).as("requests with the wrong outcome").isEmpty();

        // the saved filter and view were deleted by their owner, who came last
        assertThat(f.ownedBySb.values()).noneMatch(BooleanSupplier::getAsBoolean);
        // the operator's staff, asking to register a company for another operator, registered it for their own
        assertThat(jdbc.sql("select operator_id from target_company where org_number = ?").param(ANOTHER_COMPANY)
                .query(Long.class).list()).containsExactly(f.sogn);
    }

    private MvcResult perform(Probe p, String who, boolean withCsrf) throws Exception {
        MockHttpServletRequestBuilder request = p.file()
                ? MockMvcRequestBuilders.multipart(p.url()).file(new MockMultipartFile("file", "vedlegg.pdf",
                        "application/pdf", "%PDF-1.4 vedlegg".getBytes()))
                : MockMvcRequestBuilders.request(p.method(), p.url());
        p.params().forEach(request::param);
        if (!who.equals(ANON)) {
            signIn(request, who);
        }
        if (withCsrf) {
            request.with(csrf());
        }
        return mvc.perform(request).andReturn();
    }

    /** Makes the request as this user: here her principal as form login gives it; OIDC users in the subclass. */
    protected void signIn(MockHttpServletRequestBuilder request, String who) throws Exception {
        request.with(SecurityMockMvcRequestPostProcessors.user(user(who)));
    }

    private static String outcome(MvcResult r) {
        int status = r.getResponse().getStatus();
        String location = r.getResponse().getRedirectedUrl();
        if (status == 401 || status == 403 || status == 404) {
            return "refused";
        }
        if (status == 302 && location != null && location.endsWith("/login")) {
            return "login";
        }
        if (status == 302 && r.getFlashMap().get("errorKey") instanceof String key && REFUSAL_MESSAGES.contains(key)) {
            return "refused";
        }
        return status >= 500 ? "error" : "allowed";
    }

    private static String body(MvcResult r) {
        try {
            return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "GET /admission/{id}" for every handler method of the application. */
    private Set<String> mappedEndpoints() {
        Set<String> found = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("no.siva.")) {   // ours, the dev runtime's too
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    found.add(m.name() + " " + pattern);
                }
            }
        });
        return found;
    }

    // ---- the matrix ------------------------------------------------------------------------------------------------

    private void row(String endpoint, Probe... probes) {
        matrix.put(endpoint, List.of(probes));
    }

    private static Probe get(String url, Set<String> allowed) {
        return new Probe(HttpMethod.GET, url, Map.of(), allowed);
    }

    private static Probe get(String url, Map<String, String> params, Set<String> allowed) {
        return new Probe(HttpMethod.GET, url, params, allowed);
    }

    private static Probe post(String url, Set<String> allowed) {
        return new Probe(HttpMethod.POST, url, Map.of(), allowed);
    }

    private static Probe post(String url, Map<String, String> params, Set<String> allowed) {
        return new Probe(HttpMethod.POST, url, params, allowed);
    }

    private static Map<String, String> company(long operatorId, String orgNumber) {
        return Map.of("operatorId", String.valueOf(operatorId), "orgNumber", orgNumber, "name", "Nyetablert AS",
                "email", "post@ny.example.no");
    }

    private static Set<String> plus(Set<String> a, String... more) {
        return Stream.concat(a.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
    }

    private void describe(Fixture f) {
        String year = String.valueOf(today().getYear());
        // start page, login, errors, help pages
        row("GET /", get("/", SIGNED_IN));
        row("GET /login", get("/login", PUBLIC));
        row("GET /error/403", get("/error/403", NOBODY)); // the refusal page itself: 403 for everyone
        row("GET /hourly-rate-cap", get("/hourly-rate-cap", SIGNED_IN));
        row("GET /processes/{processId}.bpmn", get("/processes/operator-admission.bpmn", SIGNED_IN));

        // task list: Siva case handlers work on Siva's tasks, the county on its own, the operator on its own;
        // project leaders and administrators see every task
        row("GET /tasks", get("/tasks", SIGNED_IN));
        row("POST /tasks/filters", post("/tasks/filters", Map.of("name", "Mine"), SIGNED_IN));
        row("POST /tasks/filters/{id}/delete", post("/tasks/filters/" + f.filterId + "/delete", SIGNED_IN));
        row("GET /tasks/{id}",
                get("/tasks/" + f.sivaTask, SIVA),
                get("/tasks/" + f.ownCountyTask, plus(Set.of(PL, AD), FY)),
                get("/tasks/" + f.otherCountyTask, Set.of(PL, AD)),
                get("/tasks/" + f.ownOperatorTask, Set.of(PL, AD, OP)),
                get("/tasks/" + f.otherOperatorTask, Set.of(PL, AD)));
        // claiming and completing: members of the task's candidate groups; each finds the task free
        for (String action : List.of("claim", "complete")) {
            row("POST /tasks/{id}/" + action,
                    post("/tasks/" + f.sivaTask + "/" + action, Set.of(SB, AD)).before(f.assign(f.sivaTask, null)),
                    post("/tasks/" + f.ownCountyTask + "/" + action, Set.of(FY)).before(f.assign(f.ownCountyTask, null)),
                    post("/tasks/" + f.otherCountyTask + "/" + action, NOBODY).before(f.assign(f.otherCountyTask, null)),
                    post("/tasks/" + f.ownOperatorTask + "/" + action, Set.of(OP)).before(f.assign(f.ownOperatorTask, null)),
                    post("/tasks/" + f.otherOperatorTask + "/" + action, NOBODY)
                            .before(f.assign(f.otherOperatorTask, null)));
        }
        // handing back: the holder, or Siva staff who see the task; each finds it held by a group member
        row("POST /tasks/{id}/unclaim",
                post("/tasks/" + f.sivaTask + "/unclaim", SIVA).before(f.assign(f.sivaTask, "saksbehandler2")),
                post("/tasks/" + f.ownCountyTask + "/unclaim", Set.of(FY, PL, AD)).before(f.assign(f.ownCountyTask, FY)),
                post("/tasks/" + f.otherCountyTask + "/unclaim", Set.of(PL, AD))
                        .before(f.assign(f.otherCountyTask, DemoUsers.NORDLAND)),
                post("/tasks/" + f.ownOperatorTask + "/unclaim", Set.of(OP, PL, AD)).before(f.assign(f.ownOperatorTask, OP)),
                post("/tasks/" + f.otherOperatorTask + "/unclaim", Set.of(PL, AD))
                        .before(f.assign(f.otherOperatorTask, "helgeland-ansatt")));
        // handing to a member of the task's groups: Siva staff who see the task
        row("POST /tasks/{id}/assign",
                post("/tasks/" + f.sivaTask + "/assign", Map.of("assignee", "saksbehandler2"), SIVA)
                        .before(f.assign(f.sivaTask, null)),
                post("/tasks/" + f.otherCountyTask + "/assign", Map.of("assignee", DemoUsers.NORDLAND), Set.of(PL, AD))
                        .before(f.assign(f.otherCountyTask, null)));

        // several tasks to one colleague at once: Siva staff, as for one task (others are told no)
        row("POST /tasks/assign",
                post("/tasks/assign", Map.of("ids", String.valueOf(f.sivaTask), "assignee", "saksbehandler2"), SIVA)
                        .before(f.assign(f.sivaTask, null)));

        // status overview and case pages
        row("GET /overview", get("/overview", SIGNED_IN));
        row("GET /overview/figures", get("/overview/figures", SIGNED_IN)); // each in her own scope
        row("GET /overview/export.csv", get("/overview/export.csv", SIGNED_IN));
        row("GET /overview/export.xlsx", get("/overview/export.xlsx", SIGNED_IN));
        row("POST /overview/views", post("/overview/views", Map.of("name", "Min visning"), SIGNED_IN));
        row("POST /overview/views/{id}/delete", post("/overview/views/" + f.viewId + "/delete", SIGNED_IN));
        row("GET /cases/{caseType}/{caseId}",
                get("/cases/ADMISSION/" + f.ownAdmission, SIVA_COUNTY),
                get("/cases/ADMISSION/" + f.otherAdmission, SIVA),
                get("/cases/TARGET_COMPANY/" + f.ownCompany, plus(SIVA_COUNTY, OP)),
                get("/cases/TARGET_COMPANY/" + f.otherCompany, SIVA));
        row("GET /cases/{caseType}/{caseId}/audit.csv",
                get("/cases/ADMISSION/" + f.ownAdmission + "/audit.csv", SIVA_COUNTY),
                get("/cases/ADMISSION/" + f.otherAdmission + "/audit.csv", SIVA));
        // the audit trail's page and export: project leaders and administrators (issue 23, point 12)
        row("GET /audit", get("/audit", Set.of(PL, AD)));
        row("GET /audit/export.csv", get("/audit/export.csv", Set.of(PL, AD)));

        // documents
        row("POST /cases/{caseType}/{caseId}/documents",
                post("/cases/ADMISSION/" + f.ownAdmission + "/documents", SIVA_COUNTY).withFile(),
                post("/cases/ADMISSION/" + f.otherAdmission + "/documents", SIVA).withFile(),
                post("/cases/TARGET_COMPANY/" + f.ownCompany + "/documents", plus(SIVA_COUNTY, OP)).withFile(),
                post("/cases/TARGET_COMPANY/" + f.otherCompany + "/documents", SIVA).withFile());
        row("GET /documents/{id}",
                get("/documents/" + f.ownDocument, SIVA_COUNTY),
                get("/documents/" + f.otherDocument, SIVA),
                get("/documents/" + f.ownCompanyDocument, plus(SIVA_COUNTY, OP)),
                get("/documents/" + f.otherCompanyDocument, SIVA));

        // admission (pilot projects)
        row("GET /admission", get("/admission", SIVA_COUNTY));
        // the county commissions; Siva registers a commission on a county's behalf
        row("GET /admission/new", get("/admission/new", Set.of(SB, FY, AD)));
        row("POST /admission", post("/admission", Set.of(SB, FY, AD)));
        row("GET /admission/{id}",
                get("/admission/" + f.ownAdmission, SIVA_COUNTY),
                get("/admission/" + f.otherAdmission, SIVA));

        // extraordinary follow-up
        row("GET /follow-up", get("/follow-up", SIVA_COUNTY));
        // started by Siva's case handlers or the operator's county (guide §6.6); meetings logged by both
        row("GET /follow-up/new", get("/follow-up/new", Set.of(SB, FY, AD)));
        row("POST /follow-up", post("/follow-up", Map.of("operatorId", String.valueOf(f.sogn)), Set.of(SB, FY, AD)),
                post("/follow-up", Map.of("operatorId", String.valueOf(f.helgeland)), Set.of(SB, AD)));
        row("GET /follow-up/{id}",
                get("/follow-up/" + f.ownFollowUp, SIVA_COUNTY),
                get("/follow-up/" + f.otherFollowUp, SIVA));
        row("POST /follow-up/{id}/meetings",
                post("/follow-up/" + f.ownFollowUp + "/meetings", Set.of(SB, FY, AD)),
                post("/follow-up/" + f.otherFollowUp + "/meetings", Set.of(SB, AD)));
        for (String part : List.of("measures", "scoreboard")) {
            row("POST /follow-up/{id}/" + part,
                    post("/follow-up/" + f.ownFollowUp + "/" + part, Set.of(SB, AD)),
                    post("/follow-up/" + f.otherFollowUp + "/" + part, Set.of(SB, AD)));
        }
        row("GET /follow-up/operator/{operatorId}",
                get("/follow-up/operator/" + f.sogn, SIVA_COUNTY),
                get("/follow-up/operator/" + f.helgeland, SIVA));
        row("POST /follow-up/operator/{operatorId}/dialogues",
                post("/follow-up/operator/" + f.sogn + "/dialogues", Set.of(SB, AD)),
                post("/follow-up/operator/" + f.helgeland + "/dialogues", Set.of(SB, AD)));

        // differentiation
        // the round is Siva's; the county and the operator are sent on to their own pages
        row("GET /differentiation", get("/differentiation", SIGNED_IN));
        row("POST /differentiation/start", post("/differentiation/start", Map.of("year", year), Set.of(PL)));
        row("GET /differentiation/{id}", get("/differentiation/" + f.round, SIGNED_IN));
        // the method: Siva reads it, the project leader owns it
        row("GET /differentiation/method", get("/differentiation/method", SIVA));
        row("POST /differentiation/method", post("/differentiation/method", Set.of(PL)));
        // the programme's evaluation: Siva's
        row("GET /evaluations/{id}", get("/evaluations/" + f.evaluation, SIVA));
        row("POST /differentiation/{id}/import", post("/differentiation/" + f.round + "/import", SIVA).withFile());
        for (String action : List.of("state-budget", "resend")) {
            row("POST /differentiation/{id}/" + action, post("/differentiation/" + f.round + "/" + action, SIVA));
        }
        row("GET /differentiation/{id}/operator/{operatorId}",
                get("/differentiation/" + f.round + "/operator/" + f.sogn, SIVA),
                get("/differentiation/" + f.round + "/operator/" + f.helgeland, SIVA));
        for (String action : List.of("values", "placement")) {
            row("POST /differentiation/{id}/operator/{operatorId}/" + action,
                    post("/differentiation/" + f.round + "/operator/" + f.sogn + "/" + action, SIVA),
                    post("/differentiation/" + f.round + "/operator/" + f.helgeland + "/" + action, SIVA));
        }
        row("GET /differentiation/{id}/county/{code}",
                get("/differentiation/" + f.round + "/county/46", SIVA_COUNTY),
                get("/differentiation/" + f.round + "/county/18", SIVA));
        // Siva records the county's proposal
        row("POST /differentiation/{id}/county/{code}/proposal",
                post("/differentiation/" + f.round + "/county/46/proposal", SIVA),
                post("/differentiation/" + f.round + "/county/18/proposal", SIVA));
        // the county gets its basis once Siva has sent it (not yet in this round)
        row("GET /differentiation/{id}/county/{code}/basis.csv",
                get("/differentiation/" + f.round + "/county/46/basis.csv", SIVA),
                get("/differentiation/" + f.round + "/county/18/basis.csv", SIVA));
        row("GET /differentiation/{id}/county/{code}/documents/{documentId}",   // a document of another case
                get("/differentiation/" + f.round + "/county/46/documents/" + f.ownDocument, NOBODY));
        row("GET /differentiation/mine", get("/differentiation/mine", SIGNED_IN)); // others are sent to theirs
        row("GET /differentiation/mine/{id}/letter",   // no letter yet: nobody's
                get("/differentiation/mine/" + f.round + "/letter", NOBODY));
        row("GET /differentiation/grant-model", get("/differentiation/grant-model", SIVA));
        row("POST /differentiation/grant-model", post("/differentiation/grant-model", Map.of("from", "1"), Set.of(PL)));

        // target companies
        row("GET /target-companies", get("/target-companies", SIGNED_IN));
        row("GET /target-companies.csv", get("/target-companies.csv", SIGNED_IN));
        row("GET /target-companies/ledger.csv", get("/target-companies/ledger.csv", SIGNED_IN));
        // registered by the operator's staff (for their own operator whatever is asked) or Siva on its behalf
        row("POST /target-companies",
                post("/target-companies", company(f.sogn, "912346242"), plus(SIVA, OP)),
                post("/target-companies", company(f.helgeland, "912346250"), SIVA).askedBy(ANON, SB, PL, FY, AD),
                // asked for another operator, it is registered for their own (checked below)
                post("/target-companies", company(f.helgeland, ANOTHER_COMPANY), Set.of(OP)).askedBy(OP));
        row("POST /target-companies/import",
                post("/target-companies/import", Map.of("operatorId", String.valueOf(f.sogn)), plus(SIVA, OP)).withFile(),
                post("/target-companies/import", Map.of("operatorId", String.valueOf(f.helgeland)), plus(SIVA, OP))
                        .withFile());
        row("GET /target-companies/{id}",
                get("/target-companies/" + f.ownCompany, plus(SIVA_COUNTY, OP)),
                get("/target-companies/" + f.otherCompany, SIVA));
        Map<String, String> line = Map.of("serviceDate", today().toString(), "costType", "INNOVATION_ADVISORY",
                "description", "Rådgivning", "marketValue", "10000", "ownContribution", "0");
        Map<String, String> exit = Map.of("reason", "EARLY_TERMINATION", "exitDate", today().plusMonths(1).toString());
        row("POST /target-companies/{id}/ledger",
                post("/target-companies/" + f.ownCompany + "/ledger", line, Set.of(SB, AD, OP)),
                post("/target-companies/" + f.otherCompany + "/ledger", line, Set.of(SB, AD)));
        Map<String, String> grant = Map.of("grantDate", today().toString(), "grantAmount", "10000", "grantReason", "Økning");
        row("POST /target-companies/{id}/grant",
                post("/target-companies/" + f.ownCompany + "/grant", grant, Set.of(SB, AD, OP)),
                post("/target-companies/" + f.otherCompany + "/grant", grant, Set.of(SB, AD)));
        row("POST /target-companies/{id}/exit",
                post("/target-companies/" + f.ownCompany + "/exit", exit, Set.of(SB, AD, OP)),
                post("/target-companies/" + f.otherCompany + "/exit", exit, Set.of(SB, AD)));

        // reporting calendar: the operator's staff always get their own operator's, whatever id they send
        Map<String, String> own = Map.of("operatorId", String.valueOf(f.sogn), "year", year);
        Map<String, String> other = Map.of("operatorId", String.valueOf(f.helgeland), "year", year);
        row("GET /reporting", get("/reporting", own, plus(SIVA_COUNTY, OP)), get("/reporting", other, plus(SIVA, OP)));
        row("GET /reporting/calendar.ics", get("/reporting/calendar.ics", own, plus(SIVA_COUNTY, OP)),
                get("/reporting/calendar.ics", other, plus(SIVA, OP)));
        row("POST /reporting/feed", post("/reporting/feed", own, plus(SIVA_COUNTY, OP)),
                post("/reporting/feed", other, plus(SIVA, OP)));
        row("GET /calendar-feed/{token}.ics", get("/calendar-feed/no-such-token.ics", NOBODY));
        row("GET /reporting/target-figures", get("/reporting/target-figures", own, plus(SIVA_COUNTY, OP)),
                get("/reporting/target-figures", other, plus(SIVA, OP)));
        // the target figures are the operator's own to enter (an administrator may correct them)
        row("POST /reporting/target-figures", post("/reporting/target-figures", own, Set.of(OP, AD)),
                post("/reporting/target-figures", other, Set.of(OP, AD)));

        // operators
        row("GET /operators", get("/operators", SIGNED_IN));
        // only an administrator registers an existing operator directly (rule 12 of issue 21)
        row("GET /operators/new", get("/operators/new", Set.of(AD)));
        row("POST /operators", post("/operators", Set.of(AD)));
        row("GET /operators/{id}", get("/operators/" + f.sogn, plus(SIVA_COUNTY, OP)),
                get("/operators/" + f.helgeland, SIVA));
        row("GET /operators/{id}/edit", get("/operators/" + f.sogn + "/edit", SIVA),
                get("/operators/" + f.helgeland + "/edit", SIVA));
        row("POST /operators/{id}", post("/operators/" + f.sogn, SIVA), post("/operators/" + f.helgeland, SIVA));

        // operations
        row("GET /incidents", get("/incidents", SIVA));
        row("POST /incidents/{id}/retry", post("/incidents/" + f.incident + "/retry", SIVA));
        // access administration: administrators everyone's, an operator's manager (OP) her own operator's staff;
        // the invitation's and the refusals' pages are public
        row("GET /tilgang", get("/tilgang", Set.of(OP, AD)));
        row("GET /tilgang/inviter", get("/tilgang/inviter", Set.of(OP, AD)));
        row("POST /tilgang/inviter", post("/tilgang/inviter", Map.of("fullName", "Test Person", "email",
                "test.person@nh.example.no", "role", "OPERATOR", "operatorId", String.valueOf(f.sogn)), Set.of(OP, AD)));
        row("POST /tilgang/invitasjoner/{id}/trekk-tilbake",
                post("/tilgang/invitasjoner/" + f.ownInvitation + "/trekk-tilbake", Set.of(OP, AD)),
                post("/tilgang/invitasjoner/" + f.otherInvitation + "/trekk-tilbake", Set.of(AD)));
        row("GET /tilgang/personer/{username}", get("/tilgang/personer/" + SOGN_STAFF, Set.of(OP, AD)),
                get("/tilgang/personer/" + HELGELAND_STAFF, Set.of(AD)));
        row("POST /tilgang/personer/{username}",
                post("/tilgang/personer/" + SOGN_STAFF, Map.of("role", "OPERATOR", "operatorId", String.valueOf(f.sogn)), Set.of(AD)),
                post("/tilgang/personer/" + HELGELAND_STAFF, Map.of("role", "OPERATOR", "operatorId",
                        String.valueOf(f.helgeland)), Set.of(AD)));
        Runnable enabled = () -> jdbc.sql("update app_user set enabled = true where username in (?, ?)")
                .params(SOGN_STAFF, HELGELAND_STAFF).update();
        row("POST /tilgang/personer/{username}/{action:stans|gjenopprett|trekk-tilbake}",
                post("/tilgang/personer/" + SOGN_STAFF + "/stans", Set.of(OP, AD)).before(enabled),
                post("/tilgang/personer/" + HELGELAND_STAFF + "/stans", Set.of(AD)).before(enabled));
        row("GET /invitasjon/{secret:[A-Za-z0-9_-]{20,100}}", get("/invitasjon/" + "x".repeat(43), PUBLIC));
        row("POST /invitasjon/{secret:[A-Za-z0-9_-]{20,100}}", post("/invitasjon/" + "x".repeat(43),
                Map.of("provider", "idporten"), PUBLIC));
        row("GET /invitasjon/avvist", get("/invitasjon/avvist", PUBLIC));
        row("GET /ingen-tilgang", get("/ingen-tilgang", PUBLIC));

        row("GET /admin/mailbox", get("/admin/mailbox", Set.of(AD)));
        row("GET /admin/mailbox/{id}", get("/admin/mailbox/" + f.mail, Set.of(AD)));
        // the demo's clock (development runtime only; the packaged application has no such page)
        row("GET /admin/klokke", get("/admin/klokke", Set.of(AD)));
        row("POST /admin/klokke", post("/admin/klokke", Map.of("steg", "dag"), Set.of(AD)));
    }

    /** Objects in the own scope (Vestland, Sogn) and outside it (Nordland, Helgeland). */
    private final class Fixture {
        final long sogn = operator(0).getId();
        final long helgeland = operator(1).getId();
        final long ownAdmission;
        final long otherAdmission;
        final long sivaTask;
        final long ownCountyTask;
        final long otherCountyTask;
        final long ownCompany;
        final long otherCompany;
        final long ownOperatorTask;
        final long otherOperatorTask;
        final long ownFollowUp;
        final long otherFollowUp;
        final long round;
        final long ownDocument;
        final long otherDocument;
        final long ownCompanyDocument;
        final long otherCompanyDocument;
        final long filterId;
        final long viewId;
        final long incident;
        final long mail;
        final long evaluation;
        final long ownInvitation;
        final long otherInvitation;
        /** URL of a delete request of something the case handler saved: whether it is still there. */
        final Map<String, BooleanSupplier> ownedBySb = new LinkedHashMap<>();

        Fixture() {
            CurrentUser siva = user(SB);
            AdmissionCase own = commission(user(FY), "912345742", "Nordfjord Innovasjon AS", "46");
            AdmissionCase other = commission(user(DemoUsers.NORDLAND), "912345955", "Vesterålen Vekst AS", "18");
            ownAdmission = own.getId();
            otherAdmission = other.getId();
            ownCountyTask = toCountyDecision(siva, own).getId();
            otherCountyTask = toCountyDecision(siva, other).getId();
            AdmissionCase third = commission(user(FY), "912345882", "Sunnfjord Gründer AS", "46");
            sivaTask = awaitOpenTask(AdmissionService.CASE_TYPE, third.getId(), "gjennomfore-forprosjekt").getId();

            CurrentUser sognStaff = user(OP);
            CurrentUser helgelandStaff = new CurrentUser("helgeland-ansatt", "Hege Helgeland", "hege@hnh.example.no",
                    "", Set.of(Role.OPERATOR), Set.of(), helgeland, true);
            TargetCompany mine = targetCompanies.register(sognStaff, sogn, "912345815", "Fjordmat AS", "post@fm.example.no");
            TargetCompany theirs = targetCompanies.register(helgelandStaff, helgeland, "912346099", "Polarlys AS",
                    "post@pl.example.no");
            ownCompany = mine.getId();
            otherCompany = theirs.getId();
            ownOperatorTask = awaitOpenTask(TargetCompanyService.CASE_TYPE, ownCompany, "kartlegge-behov").getId();
            otherOperatorTask = awaitOpenTask(TargetCompanyService.CASE_TYPE, otherCompany, "kartlegge-behov").getId();

            // access administration: a staff member and an open invitation of each operator
            transactions.executeWithoutResult(t -> {
                appUsers.save(new AppUser(SOGN_STAFF, "Siri Sogn", "siri@sognnh.no", "{noop}x",
                        Set.of(Role.OPERATOR), Set.of(), sogn));
                appUsers.save(new AppUser(HELGELAND_STAFF, "Hege Helgeland", "hege@hnh.example.no",
                        "{noop}x", Set.of(Role.OPERATOR), Set.of(), helgeland));
                for (long operator : List.of(sogn, helgeland)) {
                    assertThat(access.invite(user(AD), new AccessAdministration.InviteForm(
                            "Ny Ansatt", "ny" + operator + "@nh.example.no", "OPERATOR", List.of(),
                            String.valueOf(operator), false)).ok()).isTrue();
                }
            });
            // both came in by invitation (their access is granted in Programflyt, so it can be changed there)
            for (String staff : List.of(SOGN_STAFF, HELGELAND_STAFF)) {
                jdbc.sql("update app_user set login_provider = 'idporten', login_subject_hash = ? where username = ?")
                        .params(OidcLogin.subjectHash("idporten", staff), staff).update();
            }
            ownInvitation = jdbc.sql("select id from access_invitation where operator_id = ?").param(sogn).query(Long.class).single();
            otherInvitation = jdbc.sql("select id from access_invitation where operator_id = ?").param(helgeland)
                    .query(Long.class).single();

            ownFollowUp = followUps.start(siva, sogn, "Svake resultater to år på rad.").caseId();
            otherFollowUp = followUps.start(siva, helgeland, "Svake resultater to år på rad.").caseId();
            DiffRound r = differentiation.startManually(user(PL), today().getYear() + 1);
            round = r.getId();
            evaluation = jdbc.sql("insert into programme_evaluation (kind, year, created_at) values ('MIDTERM', 2027, ?) "
                    + "returning id").param(Timestamp.from(clock.instant())).query(Long.class).single();

            ownDocument = documents.upload(AdmissionService.CASE_TYPE, ownAdmission, "912345742", "notat.pdf",
                    "%PDF-1.4 notat".getBytes(), SB).getId();
            otherDocument = documents.upload(AdmissionService.CASE_TYPE, otherAdmission, "912345955", "notat.pdf",
                    "%PDF-1.4 notat".getBytes(), SB).getId();

            ownCompanyDocument = documents.upload(TargetCompanyService.CASE_TYPE, ownCompany, "912345815", "plan.pdf",
                    "%PDF-1.4 plan".getBytes(), OP).getId();
            otherCompanyDocument = documents.upload(TargetCompanyService.CASE_TYPE, otherCompany, "912346099", "plan.pdf",
                    "%PDF-1.4 plan".getBytes(), SB).getId();

            tasks.saveFilter(siva, "Forfaller snart", TaskQuery.of("mine", null, "soon", null, null));
            filterId = jdbc.sql("select id from saved_task_filter where username = ?").param(SB).query(Long.class).single();
            views.save(siva, "Vestland", OverviewQuery.from(new LinkedMultiValueMap<>(Map.of("county", List.of("46")))));
            viewId = jdbc.sql("select id from saved_overview_view where created_by = ?").param(SB).query(Long.class).single();
            ownedBySb.put("/tasks/filters/" + filterId + "/delete", () -> jdbc.sql(
                    "select count(*) from saved_task_filter where id = ?").param(filterId).query(Long.class).single() == 1);
            ownedBySb.put("/overview/views/" + viewId + "/delete", () -> jdbc.sql(
                    "select count(*) from saved_overview_view where id = ?").param(viewId).query(Long.class).single() == 1);
            incident = jdbc.sql("""
                    insert into incident (job_key, process_instance_key, bpmn_process_id, element_id, job_type,
                                          error_message, case_type, case_id, business_key, created_at)
                    values (-1, ?, 'operator-admission', 'sende-tilsagnsbrev', 'admission.grant-letter',
                            'prøvefeil', 'ADMISSION', ?, '912345742', ?) returning id""")
                    .params(own.getProcessInstanceKey(), ownAdmission, Timestamp.from(clock.instant())).query(Long.class).single();
            mail = outbox.findAll().get(0).getId();
        }

        /** Text that only an object outside the own scope shows. */
        List<String> otherScopeMarks() {
            return List.of("Helgeland Næringshage", "Vesterålen Vekst", "Polarlys AS", "operatorId=" + helgeland);
        }

        /** Sets the task's holder directly (null: free). */
        Runnable assign(long taskId, String username) {
            return () -> jdbc.sql("update user_task set assignee = ? where id = ?").params(username, taskId).update();
        }

        private Operator operator(int i) {
            return operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(i)).orElseThrow();
        }

        private UserTask toCountyDecision(CurrentUser siva, AdmissionCase c) {
            String type = AdmissionService.CASE_TYPE;
            assertThat(complete(siva, awaitOpenTask(type, c.getId(), "gjennomfore-forprosjekt"), assessment(true))
                    .valid()).isTrue();
            assertThat(complete(siva, awaitOpenTask(type, c.getId(), "foresla-tilskudd"),
                    Map.of("foreslattTilskudd", "1500000", "begrunnelse", "Begrunnet.")).valid()).isTrue();
            return awaitOpenTask(type, c.getId(), "fylkets-vedtak");
        }
    }
}
