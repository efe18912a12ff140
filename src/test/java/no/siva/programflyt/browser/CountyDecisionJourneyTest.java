package no.siva.programflyt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A county official, in a real browser: finds her county's admission task in the inbox, submits the form wrongly,
 * reads the Norwegian error at the field, submits it right and sees the case move on. Another county's official
 * cannot see the task. Key pages are checked with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CountyDecisionJourneyTest extends ProcessTestBase {

    @LocalServerPort
    int port;

    @Test
    void countyOfficialDecidesAdmissionInTheBrowser() {
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345882", "Sunnfjord Vekst AS", "46");
        complete(siva, awaitOpenTask(AdmissionService.CASE_TYPE, c.getId(), "gjennomfore-forprosjekt"), assessment(true));
        complete(siva, awaitOpenTask(AdmissionService.CASE_TYPE, c.getId(), "foresla-tilskudd"),
                Map.of("foreslattTilskudd", "1200000", "begrunnelse", "Begrunnet."));
        UserTask decision = awaitOpenTask(AdmissionService.CASE_TYPE, c.getId(), "fylkets-vedtak");

        try (Browser b = new Browser(port)) {
            // Nordland's official: the task is neither listed nor reachable by its URL
            b.login(DemoUsers.NORDLAND, DemoUsers.PASSWORD);
            b.open("/tasks?view=all");
            assertThat(b.driver.findElements(By.linkText("Fatt vedtak om finansiering og opptak"))).isEmpty();
            b.open("/tasks/" + decision.getId());
            assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Fant ikke siden");
            assertThat(b.driver.getPageSource()).doesNotContain("Sunnfjord");
            b.logout();

            // Vestland's official
            b.open("/login");
            b.assertAccessible("innlogging");
            b.login(DemoUsers.VESTLAND, DemoUsers.PASSWORD);
            b.assertAccessible("oversikt");
            b.open("/tasks");
            b.assertAccessible("oppgaveliste");
            b.driver.findElement(By.linkText("Fatt vedtak om finansiering og opptak")).click();
            b.wait.until(ExpectedConditions.urlContains("/tasks/" + decision.getId()));
            assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Fatt vedtak om finansiering og opptak");
            b.assertAccessible("oppgave");

            // wrongly: the justification (required) is left empty
            b.driver.findElement(By.cssSelector("label[for='f-vedtak-0']")).click();
            // the amount starts as Siva's proposal (whole kroner); the county may change it
            assertThat(b.driver.findElement(By.id("f-vedtattTilskudd")).getAttribute("value")).isNotBlank();
            b.driver.findElement(By.id("f-vedtattTilskudd")).clear();
            b.driver.findElement(By.id("f-vedtattTilskudd")).sendKeys("1 200 000");
            b.driver.findElement(By.cssSelector("form.task-form button[type=submit]")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-begrunnelse-error")));
            assertThat(b.driver.findElement(By.id("f-begrunnelse-error")).getText())
                    .isEqualTo("Fyll ut «Begrunnelse for vedtaket».");
            assertThat(b.driver.findElement(By.id("f-begrunnelse")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(b.driver.findElement(By.id("error-summary")).getText()).contains("Skjemaet har feil");
            // issue 23, point 3: the summary has the focus and is in view, not ~950 px below the top
            assertThat(b.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
            Number top = (Number) ((JavascriptExecutor) b.driver).executeScript(
                    "return document.getElementById('error-summary').getBoundingClientRect().top");
            assertThat(top.doubleValue()).isBetween(-1.0, 200.0);
            assertThat(b.driver.findElement(By.id("f-vedtattTilskudd")).getAttribute("value")).isEqualTo("1 200 000");
            assertThat(b.driver.findElement(By.id("f-vedtak-0")).isSelected()).isTrue();
            b.assertAccessible("oppgave med feil");

            // right: the decision is summarised first (issue 23, point 4) and nothing is saved until she confirms
            b.driver.findElement(By.id("f-begrunnelse")).sendKeys("Selskapet er godt forankret i regionen.");
            b.driver.findElement(By.cssSelector("form.task-form button[type=submit]")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation-summary")));
            assertThat(b.driver.findElement(By.id("confirmation-summary")).getText())
                    .contains("Godkjent: finansiering vedtas").contains("1 200 000 kr/år")
                    .contains("Selskapet er godt forankret i regionen.");
            assertThat(taskRows.findById(decision.getId()).orElseThrow().isOpen()).isTrue();
            b.assertAccessible("vedtak til bekreftelse");
            // «Endre» brings the form back as typed
            b.driver.findElement(By.cssSelector("#confirmation button[name=endre]")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-begrunnelse")));
            assertThat(b.driver.findElement(By.id("f-begrunnelse")).getAttribute("value"))
                    .isEqualTo("Selskapet er godt forankret i regionen.");
            b.driver.findElement(By.cssSelector("form.task-form button[type=submit]")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation-summary")));
            b.driver.findElement(By.cssSelector("#confirmation button[name=bekreftet]")).click();
            b.wait.until(ExpectedConditions.urlContains("/admission/" + c.getId()));
            assertThat(b.driver.findElement(By.cssSelector(".notice.success")).getText())
                    .isEqualTo("Oppgaven «Fatt vedtak om finansiering og opptak» er fullført.");

            // the case moves on: the workers admit the operator and send the grant letter, and the operator's
            // onboarding tasks open; the page shows it after a reload
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> {
                d.navigate().refresh();
                return d.findElement(By.id("case-status")).getText().equals("Tatt opp i programmet")
                        && d.findElement(By.id("active-steps")).getText().contains("Send budsjett med timepris");
            });
            assertThat(b.driver.getPageSource()).contains("Selskapet er godt forankret i regionen.");
            // the BPMN diagram is drawn with the open onboarding steps highlighted and the decision marked done
            b.wait.until(d -> !d.findElements(By.cssSelector(".diagram .djs-element.active")).isEmpty());
            assertThat(b.driver.findElements(By.cssSelector(".diagram [data-element-id='fylkets-vedtak'].done"))).hasSize(1);
            assertThat(b.driver.findElement(By.id("active-steps")).getText()).contains("Send budsjett med timepris");
            b.assertAccessible("saksside");
        }
        assertThat(taskRows.findById(decision.getId()).orElseThrow().getCompletedBy()).isEqualTo(DemoUsers.VESTLAND);
    }
}
