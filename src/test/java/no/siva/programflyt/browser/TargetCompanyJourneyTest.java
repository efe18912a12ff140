package no.siva.programflyt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyRepository;
import no.siva.programflyt.targetcompany.TargetCompanyService;
import no.siva.programflyt.targetcompany.ledger.AidLedger;
import no.siva.programflyt.targetcompany.ledger.EurRates;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Operator staff in a real browser: the portfolio, registering a company, the needs-mapping task pre-filled from
 * Regnskapsregisteret, and the aid ledger on the company's page with a refused line and a recorded one. The pages
 * are checked with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TargetCompanyJourneyTest extends ProcessTestBase {

    @LocalServerPort
    int port;
    @Autowired
    TargetCompanyService service;
    @Autowired
    TargetCompanyRepository companies;
    @Autowired
    OperatorRepository operators;
    @Autowired
    EurRates rates;

    @Test
    void operatorStaffRegisterAMapAndRecordAid() {
        rates.set(today().getYear(), new BigDecimal("11.5000"), true);
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        try (Browser b = new Browser(port)) {
            b.login(DemoUsers.OPERATOR_USER, DemoUsers.PASSWORD);
            b.open("/target-companies");
            b.assertAccessible("malbedrifter");
            b.driver.findElement(By.id("orgNumber")).sendKeys("912 345 742");
            b.driver.findElement(By.id("name")).sendKeys("Fjordfisk AS");
            b.driver.findElement(By.cssSelector("#register-form button[type=submit]")).click();
            b.wait.until(ExpectedConditions.urlMatches(".*/target-companies/\\d+$"));
            assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Målbedrift: Fjordfisk AS");
            assertThat(b.driver.findElement(By.cssSelector(".notice.success")).getText()).contains("Målbedriften er registrert");
            TargetCompany c = companies.findAll().get(0);
            assertThat(c.getOperatorId()).isEqualTo(sogn);
            b.assertAccessible("malbedrift");

            var mapping = awaitOpenTask(TargetCompanyService.CASE_TYPE, c.getId(), "kartlegge-behov");
            b.open("/tasks/" + mapping.getId());
            // the figures come from Regnskapsregisteret, fetched by a worker beside the task: the page shows them once
            // they are there (under load the task may open a moment before)
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> {
                if ("7800000".equals(d.findElement(By.id("f-omsetning")).getAttribute("value"))) {
                    return true;
                }
                d.navigate().refresh();
                return false;
            });
            assertThat(b.driver.findElement(By.id("f-omsetning")).getAttribute("value")).isEqualTo("7800000");
            b.assertAccessible("kartlegging");
            // the owners are rows (issue 23, point 5): a row more keeps what was typed, and each field is checked at itself
            b.driver.findElement(By.id("f-eierskap-0-eier")).sendKeys("Fjordinvest AS");
            b.driver.findElement(By.id("f-eierskap-0-kapital")).sendKeys("130");
            b.driver.findElement(By.cssSelector("button[name=leggTilRad][value=eierskap]")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-eierskap-1-eier")));
            assertThat(b.driver.findElement(By.id("f-eierskap-0-eier")).getAttribute("value")).isEqualTo("Fjordinvest AS");
            b.driver.findElement(By.cssSelector("form.task-form button[type=submit][data-variant=primary]")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-eierskap-0-kapital-error")));
            assertThat(b.driver.findElement(By.id("f-eierskap-0-kapital-error")).getText())
                    .isEqualTo("Rad 1: «Kapitalandel (%)» kan ikke være større enn 100.");
            assertThat(b.driver.findElement(By.id("f-eierskap-0-kapital")).getAttribute("aria-invalid")).isEqualTo("true");
            b.assertAccessible("kartlegging med eierrader");
        }
    }

    @Autowired
    AidLedger ledger;

    @Test
    void theLedgerRefusesAndRecordsAtTheForm() {
        rates.set(today().getYear(), new BigDecimal("11.5000"), true);
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        LocalDate start = today().minusMonths(2);
        TargetCompany c = new TargetCompany(sogn, "912345815", "Skogtre AS", null, "Vekst", DemoUsers.OPERATOR_USER, clock.instant());
        c.selfDeclarationSigned(start, BigDecimal.ZERO);
        c.agreed(start, start.plusYears(3), "Rådgivning", "Vekst", "Rådgivning", null, "Ola", "ola@skogtre.no",
                new BigDecimal("50"));
        c = companies.save(c);
        ledger.recordGroup(c, List.of());
        ledger.grant(c.getId(), start,
                new BigDecimal("100000"), "Målbedriftsavtale", DemoUsers.OPERATOR_USER);
        try (Browser b = new Browser(port)) {
            b.login(DemoUsers.OPERATOR_USER, DemoUsers.PASSWORD);
            b.open("/target-companies/" + c.getId());
            fillLine(b, "10 000", "2 000");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ownContribution-error")));
            assertThat(b.driver.findElement(By.id("ownContribution-error")).getText())
                    .isEqualTo("Støtteintensiteten blir 80 %, men kan ikke være over 75 % for denne kostnadstypen.");
            assertThat(b.driver.findElement(By.id("ownContribution")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(b.driver.findElement(By.id("marketValue")).getAttribute("value")).isEqualTo("10 000");
            b.assertAccessible("stotte-feil");
            fillLine(b, "10 000", "5 000");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.success")));
            assertThat(b.driver.findElement(By.cssSelector(".notice.success")).getText())
                    .isEqualTo("Fakturalinjen er ført med støtte på 5 000 kr.");
            assertThat(b.driver.findElement(By.id("stotte")).isDisplayed()).isTrue();
            b.assertAccessible("stotte");
        }
    }

    private void fillLine(Browser b, String market, String own) {
        var date = b.driver.findElement(By.id("serviceDate"));
        ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = arguments[1]", date,
                today().minusDays(3).toString());
        for (String[] field : new String[][] {{"description", "Markedsrådgivning"}, {"marketValue", market},
                {"ownContribution", own}}) {
            b.driver.findElement(By.id(field[0])).clear();
            b.driver.findElement(By.id(field[0])).sendKeys(field[1]);
        }
        b.driver.findElement(By.cssSelector("form[action$='/ledger'] button[type=submit]")).click();
    }
}
