package no.siva.programflyt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.access.AccessAdministration;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.differentiation.DifferentiationService;
import no.siva.programflyt.followup.FollowUpService;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page type of Programflyt, as the role that uses it sees it, at 1 400 and 390 px (issue 23): axe-core finds no
 * WCAG 2.1 A/AA violation, the page never scrolls sideways at 390 px (wide tables scroll inside their own box), the
 * menu marks where the user is, and each page has a screenshot in target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EveryPageTypeTest extends ProcessTestBase {

    @LocalServerPort
    int port;
    @Autowired
    TargetCompanyService targetCompanies;
    @Autowired
    FollowUpService followUps;
    @Autowired
    DifferentiationService differentiation;
    @Autowired
    OperatorRepository operators;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccessAdministration access;

    /** One width per run (each within the suite's time limit per test): the desk's 1 400 px and the phone's 390 px. */
    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {1400, 390})
    void everyPageTypeIsAccessibleAndFitsAPhone(int widthPx) {
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        AdmissionCase admission = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord Innovasjon AS", "46");
        var assessment = awaitOpenTask(AdmissionService.CASE_TYPE, admission.getId(), "gjennomfore-forprosjekt");
        TargetCompany company = targetCompanies.register(user(DemoUsers.OPERATOR_USER), sogn, "912345815", "Fjordmat AS",
                "post@fm.example.no");
        var mapping = awaitOpenTask(TargetCompanyService.CASE_TYPE, company.getId(), "kartlegge-behov");
        long followUp = followUps.start(siva, sogn, "Svake resultater to år på rad.").caseId();
        long round = differentiation.startManually(user(DemoUsers.PROJECT_LEADER), today().getYear() + 1).getId();
        long evaluation = jdbc.sql("insert into programme_evaluation (kind, year, created_at) values ('MIDTERM', 2027, ?) "
                + "returning id").param(Timestamp.from(clock.instant())).query(Long.class).single();
        Long mail = jdbc.sql("select min(id) from outbox_message").query(Long.class).optional().orElse(null);
        access.invite(user(DemoUsers.ADMIN), new AccessAdministration.InviteForm("Kari Fjordheim", "kari@vlfk.no", "FYLKE",
                List.of("46"), null, false));
        String invitation = jdbc.sql("select body_html from outbox_message where recipient = 'kari@vlfk.no'")
                .query(String.class).single().replaceAll("(?s).*(/invitasjon/[A-Za-z0-9_-]+).*", "$1");

        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put(DemoUsers.CASE_HANDLER, List.of("/", "/tasks", "/tasks/" + assessment.getId(), "/overview",
                "/admission", "/admission/new", "/admission/" + admission.getId(), "/follow-up", "/follow-up/new",
                "/follow-up/" + followUp, "/follow-up/operator/" + sogn, "/differentiation", "/differentiation/" + round,
                "/differentiation/" + round + "/county/46", "/differentiation/" + round + "/operator/" + sogn,
                "/differentiation/grant-model", "/evaluations/" + evaluation, "/target-companies",
                "/target-companies/" + company.getId(), "/reporting", "/operators", "/operators/" + sogn, "/incidents",
                "/finnes-ikke"));
        pages.put(DemoUsers.PROJECT_LEADER, List.of("/", "/tasks?view=all", "/differentiation/method", "/audit"));
        pages.put(DemoUsers.VESTLAND, List.of("/", "/admission/" + admission.getId()));
        pages.put(DemoUsers.OPERATOR_USER, List.of("/", "/tasks/" + mapping.getId(), "/differentiation/mine",
                "/target-companies", "/reporting", "/tilgang", "/tilgang/inviter"));
        List<String> adminPages = new ArrayList<>(List.of("/admin/mailbox", "/operators/new", "/operators/" + sogn + "/edit",
                "/tilgang", "/tilgang/inviter", "/tilgang/personer/" + DemoUsers.VESTLAND));
        if (mail != null) {
            adminPages.add("/admin/mailbox/" + mail);
        }
        pages.put(DemoUsers.ADMIN, adminPages);

        List<String> sideways = new ArrayList<>();
        int checked = 0;
        try (Browser b = new Browser(port)) {
            boolean phone = widthPx == 390;
            {
                if (phone) {
                    b.narrow();
                } else {
                    b.wide();
                }
                String width = phone ? "390" : "1400";
                b.open("/login");
                b.assertAccessible("innlogging-" + width);
                b.open("/login?error");
                b.assertAccessible("innlogging-feil-" + width);
                checked += 2;
                // the pages of people not (yet) signed in: an invitation, a refused one, no access
                for (String page : List.of(invitation, "/invitasjon/avvist?grunn=expired", "/ingen-tilgang")) {
                    b.open(page);
                    b.wait.until(d -> !d.findElements(By.tagName("h1")).isEmpty());
                    b.assertAccessible("offentlig" + page.replaceAll("[^a-z]+", "-") + width);
                    if (phone && b.pageWidthBeyondWindow() > 0) {
                        sideways.add(page + ": " + b.pageWidthBeyondWindow() + " px (" + b.tooWide() + ")");
                    }
                    checked++;
                }
                for (var entry : pages.entrySet()) {
                    b.login(entry.getKey(), DemoUsers.PASSWORD);
                    for (String page : entry.getValue()) {
                        b.open(page);
                        b.wait.until(d -> !d.findElements(By.tagName("h1")).isEmpty());
                        b.assertAccessible(entry.getKey() + page + "-" + width);
                        if (phone && b.pageWidthBeyondWindow() > 0) {
                            sideways.add(page + " as " + entry.getKey() + ": " + b.pageWidthBeyondWindow() + " px (" + b.tooWide() + ")");
                        }
                        checked++;
                    }
                    b.open("/");
                    b.logout();
                }
            }
        }
        assertThat(sideways).as("pages that scroll sideways at 390 px").isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(40);
    }
}
