package no.siva.programflyt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.support.ProcessTestBase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Siva project leader in a real browser finds an overdue task from the status overview in three clicks (the
 * overview, the case, the task), and the case's diagram marks the step where it waits. Checked with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverviewJourneyTest extends ProcessTestBase {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void projectLeaderFindsAnOverdueTaskInThreeClicks() {
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord Innovasjon AS", "46");
        var task = awaitOpenTask(AdmissionService.CASE_TYPE, c.getId(), "gjennomfore-forprosjekt");
        jdbc.sql("update user_task set due_at = now() - interval '3 days' where id = ?").param(task.getId()).update();
        try (Browser b = new Browser(port)) {
            b.login(DemoUsers.PROJECT_LEADER, DemoUsers.PASSWORD);
            b.wide();
            b.driver.findElement(By.linkText("Status")).click();                                   // 1
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overdue-tasks")));
            b.assertAccessible("statusoversikt");
            // issue 23, point 6: the process tabs are tabs, and the filters sit in one compact row at 1 400 px
            assertThat(b.driver.findElements(By.cssSelector("nav.tabs li")))
                    .extracting(e -> e.getCssValue("list-style-type")).containsOnly("none");
            assertThat(b.driver.findElements(By.cssSelector("#filters .inline-field, #filters button")))
                    .hasSizeGreaterThanOrEqualTo(7)
                    .extracting(e -> e.getRect().getY()).as("the filters' top edges").hasSizeGreaterThan(1)
                    .allSatisfy(y -> assertThat(y).isBetween(
                            b.driver.findElement(By.cssSelector("#filters .inline-field")).getRect().getY() - 2,
                            b.driver.findElement(By.cssSelector("#filters .inline-field")).getRect().getY() + 40));
            b.driver.findElement(By.cssSelector("#overdue-tasks a[href*='/cases/ADMISSION/']")).click();   // 2
            // one page per case: the overview's link lands on the admission's own case page
            b.wait.until(ExpectedConditions.urlContains("/admission/" + c.getId()));
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-status")));
            b.wait.until(d -> !d.findElements(By.cssSelector(".diagram [data-element-id='gjennomfore-forprosjekt'].active")).isEmpty());
            assertThat(b.driver.findElement(By.id("active-steps")).getText()).contains("Gjennomfør forprosjektet");
            b.assertAccessible("saksside fra oversikten");
            b.driver.findElement(By.linkText(task.getName())).click();                               // 3
            b.wait.until(ExpectedConditions.urlContains("/tasks/" + task.getId()));
            assertThat(b.driver.findElement(By.tagName("h1")).getText()).contains(task.getName());
        }
    }
}
