package no.siva.programflyt.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.CooperationAgreement;
import no.siva.programflyt.registry.CooperationAgreementRepository;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.reporting.ReportingService;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 23's daily use, one journey per role in a real browser (the pages at 1 400 px, axe-core and a screenshot at
 * each step): the login page says only what applies (point 2); a case handler's home page lists her work with
 * deadlines (9), the task list sorts, shows when a task came in, links each task to its case and lets her claim one
 * (8); a project leader sees what is overdue anywhere (9) and hands a colleague's tasks to another at once (8);
 * operator staff find their tasks and deadlines at home (9) and their operator's agreement, documents, target
 * companies and reporting calendar from its page (10). The county's decision (points 3, 4, 7) is
 * {@link CountyDecisionJourneyTest}, the overview (6, 7) {@link OverviewJourneyTest}, the ownership rows (5)
 * {@link TargetCompanyJourneyTest}, the scoreboard (10) {@link FollowUpJourneyTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DailyUseJourneyTest extends ProcessTestBase {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OperatorRepository operators;
    @Autowired
    CooperationAgreementRepository agreements;
    @Autowired
    ReportingService reporting;

    @Test
    void loginPageSaysOnlyWhatApplies_andListsEveryDemoUser() {
        try (Browser b = new Browser(port)) {
            b.wide();
            b.open("/login");
            assertThat(b.driver.findElements(By.cssSelector("[role=alert]"))).isEmpty();
            assertThat(b.driver.findElement(By.id("demo-users")).getText()).contains(DemoUsers.CASE_HANDLER,
                    "saksbehandler2", DemoUsers.PROJECT_LEADER, DemoUsers.VESTLAND, DemoUsers.NORDLAND,
                    DemoUsers.OPERATOR_USER, DemoUsers.ADMIN);
            b.assertAccessible("dagligbruk innlogging");

            b.driver.findElement(By.id("username")).sendKeys(DemoUsers.CASE_HANDLER);
            b.driver.findElement(By.id("password")).sendKeys("feil");
            b.driver.findElement(By.cssSelector("button[type=submit][data-variant=primary]")).click();
            b.wait.until(ExpectedConditions.urlContains("error"));
            // one message, the one that applies: not «ingen rolle» beside it
            assertThat(b.driver.findElements(By.cssSelector("[role=alert]")))
                    .extracting(WebElement::getText).containsExactly("Feil brukernavn eller passord.");
            assertThat(b.driver.findElements(By.id("no-access"))).isEmpty();
            b.assertAccessible("dagligbruk innlogging feil passord");
        }
    }

    @Test
    void caseHandlerSeesHerWorkAtHome_sortsClaimsAndOpensTheCaseFromTheTaskList() {
        AdmissionCase first = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord Innovasjon AS", "46");
        AdmissionCase second = commission(user(DemoUsers.VESTLAND), "912345882", "Sunnfjord Vekst AS", "46");
        UserTask early = awaitOpenTask(AdmissionService.CASE_TYPE, first.getId(), "gjennomfore-forprosjekt");
        UserTask late = awaitOpenTask(AdmissionService.CASE_TYPE, second.getId(), "gjennomfore-forprosjekt");
        // the second case's task is due first, so that sorting by deadline visibly changes the order
        jdbc.sql("update user_task set due_at = due_at + interval '30 days' where id = ?").param(early.getId()).update();

        try (Browser b = new Browser(port)) {
            b.wide();
            b.login(DemoUsers.CASE_HANDLER, DemoUsers.PASSWORD);
            // home: the open tasks themselves, with their cases and deadlines, not only counters
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting")));
            String waiting = b.driver.findElement(By.id("waiting")).getText();
            assertThat(waiting).contains("Forprosjekt: Nordfjord Innovasjon AS", "Forprosjekt: Sunnfjord Vekst AS")
                    .containsPattern("\\d{2}\\.\\d{2}\\.\\d{4}");
            b.assertAccessible("dagligbruk hjem saksbehandler");

            b.open("/tasks?view=groups");
            assertThat(columnHeaders(b)).contains("Oppgave", "Sak", "Tildelt", "Mottatt", "Frist");
            // sorted by deadline: the task due first comes first, and the column says so to a screen reader
            b.driver.findElement(By.linkText("Frist")).click();
            b.wait.until(ExpectedConditions.urlContains("sort="));
            assertThat(b.driver.findElement(By.xpath("//table[@id='inbox']//th[.//a[text()='Frist']]"))
                    .getAttribute("aria-sort")).isIn("ascending", "descending");
            if ("descending".equals(b.driver.findElement(By.xpath("//table[@id='inbox']//th[.//a[text()='Frist']]"))
                    .getAttribute("aria-sort"))) {
                b.driver.findElement(By.linkText("Frist")).click();
                b.wait.until(d -> "ascending".equals(d.findElement(
                        By.xpath("//table[@id='inbox']//th[.//a[text()='Frist']]")).getAttribute("aria-sort")));
            }
            assertThat(caseColumn(b)).containsSubsequence("Forprosjekt: Sunnfjord Vekst AS", "Forprosjekt: Nordfjord Innovasjon AS");
            b.assertAccessible("dagligbruk oppgaveliste sortert");

            // claimed from the list: the row names her, and the list stays where she was
            b.driver.findElement(By.cssSelector("button.claim[aria-label*='Sunnfjord Vekst AS']")).click();
            b.wait.until(d -> rowOf(d.findElements(By.cssSelector("#inbox tbody tr")), "Sunnfjord Vekst AS")
                    .getText().contains("Sara Saksbehandler"));
            assertThat(b.driver.getCurrentUrl()).contains("/tasks");
            assertThat(taskRows.findById(late.getId()).orElseThrow().getAssignee()).isEqualTo(DemoUsers.CASE_HANDLER);
            b.assertAccessible("dagligbruk oppgave tatt fra listen");

            // each row links to its case: one page per case, the admission's own
            rowOf(b.driver.findElements(By.cssSelector("#inbox tbody tr")), "Nordfjord Innovasjon AS")
                    .findElement(By.linkText("Forprosjekt: Nordfjord Innovasjon AS")).click();
            b.wait.until(ExpectedConditions.urlContains("/admission/" + first.getId()));
            assertThat(b.driver.findElement(By.tagName("h1")).getText()).contains("Nordfjord Innovasjon AS");
        }
    }

    @Test
    void projectLeaderSeesWhatIsOverdue_andHandsAColleaguesTasksToAnotherAtOnce() {
        AdmissionCase first = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord Innovasjon AS", "46");
        AdmissionCase second = commission(user(DemoUsers.VESTLAND), "912345882", "Sunnfjord Vekst AS", "46");
        UserTask a = awaitOpenTask(AdmissionService.CASE_TYPE, first.getId(), "gjennomfore-forprosjekt");
        UserTask c = awaitOpenTask(AdmissionService.CASE_TYPE, second.getId(), "gjennomfore-forprosjekt");
        tasks.claim(user(DemoUsers.CASE_HANDLER), a.getId());
        tasks.claim(user(DemoUsers.CASE_HANDLER), c.getId());
        jdbc.sql("update user_task set due_at = now() - interval '3 days' where id = ?").param(a.getId()).update();

        try (Browser b = new Browser(port)) {
            b.wide();
            b.login(DemoUsers.PROJECT_LEADER, DemoUsers.PASSWORD);
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overdue")));
            assertThat(b.driver.findElement(By.id("overdue")).getText())
                    .contains("Forprosjekt: Nordfjord Innovasjon AS", "Sara Saksbehandler", "Forfalt");
            b.assertAccessible("dagligbruk hjem prosjektleder");

            // Sara is on leave: both her tasks go to Sindre in one step
            b.open("/tasks?view=all");
            for (UserTask t : List.of(a, c)) {
                b.driver.findElement(By.id("choose-" + t.getId())).click();
            }
            new Select(b.driver.findElement(By.id("bulk-assignee"))).selectByVisibleText("Sindre Saksbehandler");
            b.assertAccessible("dagligbruk tildel flere");
            b.driver.findElement(By.cssSelector("#bulk-assign button[type=submit]")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.success")));
            assertThat(b.driver.findElement(By.cssSelector(".notice.success")).getText())
                    .isEqualTo("2 oppgaver er tildelt Sindre Saksbehandler.");
            for (String company : List.of("Nordfjord Innovasjon AS", "Sunnfjord Vekst AS")) {
                assertThat(rowOf(b.driver.findElements(By.cssSelector("#inbox tbody tr")), company).getText())
                        .contains("Sindre Saksbehandler").doesNotContain("saksbehandler2");
            }
            assertThat(List.of(a, c)).allSatisfy(t -> assertThat(taskRows.findById(t.getId()).orElseThrow()
                    .getAssignee()).isEqualTo("saksbehandler2"));
            b.assertAccessible("dagligbruk tildelt kollega");
        }
    }

    @Test
    void operatorStaffFindTheirDeadlinesAtHome_andTheirAgreementAndDocumentsOnTheirOperatorPage() {
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        agreements.save(new CooperationAgreement(sogn, null, LocalDate.of(2023, 1, 1), new BigDecimal("1800000"), null,
                LocalDate.of(2032, 12, 31), clock.instant()));
        int year = today().getYear();
        reporting.startYear(sogn, year).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> taskRows.findAll().stream()
                .anyMatch(t -> t.isOpen() && t.candidateGroupList().contains("operator-" + sogn)));

        try (Browser b = new Browser(port)) {
            b.wide();
            b.login(DemoUsers.OPERATOR_USER, DemoUsers.PASSWORD);
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting")));
            assertThat(b.driver.findElement(By.id("waiting")).getText())
                    .contains("Sogn Næringshage AS").containsPattern("\\d{2}\\.\\d{2}\\.\\d{4}");
            b.assertAccessible("dagligbruk hjem operatør");

            b.driver.findElement(By.linkText("Operatører")).click();
            b.driver.findElement(By.linkText("Sogn Næringshage AS")).click();
            b.wait.until(ExpectedConditions.urlContains("/operators/" + sogn));
            WebElement links = b.driver.findElement(By.id("operator-links"));
            assertThat(links.findElements(By.tagName("a"))).extracting(e -> e.getAttribute("href"))
                    .anyMatch(h -> h.endsWith("#agreement")).anyMatch(h -> h.endsWith("#documents"))
                    .anyMatch(h -> h.contains("/target-companies?operatorId=" + sogn))
                    .anyMatch(h -> h.contains("/reporting?operatorId=" + sogn));
            assertThat(b.driver.findElement(By.id("agreement-facts")).getText())
                    .contains("01.01.2023 – 31.12.2027", "1 800 000 kr");
            b.assertAccessible("dagligbruk operatørside");
            links.findElement(By.partialLinkText("Rapporteringskalender")).click();
            b.wait.until(ExpectedConditions.urlContains("/reporting"));
            assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Rapporteringskalender " + year);
            b.assertAccessible("dagligbruk rapporteringskalender fra operatørside");
        }
    }

    private static List<String> columnHeaders(Browser b) {
        return b.driver.findElements(By.cssSelector("#inbox thead th")).stream().map(WebElement::getText).toList();
    }

    private static List<String> caseColumn(Browser b) {
        return b.driver.findElements(By.cssSelector("#inbox tbody td[data-label='Sak'] a")).stream()
                .map(WebElement::getText).toList();
    }

    private static WebElement rowOf(List<WebElement> rows, String text) {
        return rows.stream().filter(r -> r.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text));
    }
}
