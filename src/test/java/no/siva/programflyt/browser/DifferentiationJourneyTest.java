package no.siva.programflyt.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.TreeMap;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.differentiation.DiffRound;
import no.siva.programflyt.differentiation.DifferentiationAnalysis;
import no.siva.programflyt.differentiation.DifferentiationService;
import no.siva.programflyt.differentiation.GrantModelService;
import no.siva.programflyt.differentiation.IndicatorImport;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.support.ProcessTestBase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The project leader starts a differentiation round in a real browser and follows it on the round's page (timeline,
 * result groups, one operator's score explained); the county official then sees her county's groups. Each page is
 * checked with axe-core (WCAG 2.1 AA).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DifferentiationJourneyTest extends ProcessTestBase {

    @LocalServerPort
    int port;
    @Autowired
    DifferentiationService service;
    @Autowired
    DifferentiationAnalysis analysis;
    @Autowired
    GrantModelService grantModels;
    @Autowired
    IndicatorImport imports;
    @Autowired
    JdbcClient jdbc;

    @Test
    void projectLeaderStartsARoundAndTheCountySeesItsGroups() {
        try (Browser b = new Browser(port)) {
            b.login(DemoUsers.PROJECT_LEADER, DemoUsers.PASSWORD);
            b.open("/differentiation");
            b.assertAccessible("differensiering liste");
            var year = b.driver.findElement(By.id("start-year"));
            year.clear();
            year.sendKeys("2028");
            b.driver.findElement(By.cssSelector("form[action$='/differentiation/start'] button")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("round-status")));
            assertThat(b.driver.findElement(By.cssSelector(".notice.success")).getText()).contains("Runden for 2028 er startet");
            DiffRound r = service.byYear(2028).orElseThrow();
            awaitOpenTask(DifferentiationService.CASE_TYPE, r.getId(), "fastsette-kalender");

            // the analysis's data, as Siva would import it, frozen
            TreeMap<Integer, BigDecimal> steps = new TreeMap<>();
            for (int s = 1; s <= 6; s++) {
                steps.put(s, BigDecimal.valueOf(1_000_000L + 500_000L * s));
            }
            grantModels.newVersion(2029, steps, null, DemoUsers.PROJECT_LEADER);
            StringBuilder csv = new StringBuilder("organisasjonsnummer;indikator;verdi\n");
            int q = 4;
            for (Operator o : service.participants()) {
                for (Indicator i : service.indicators()) {
                    if (!i.importable()) {
                        continue;   // the change is computed from the report years
                    }
                    csv.append(o.getOrgNumber()).append(';').append(i.code()).append(';').append(q).append('\n');
                }
                analysis.setMinimumAndPotential(user(DemoUsers.CASE_HANDLER), r.getId(), o.getId(), 2, 4);
                q--;
            }
            assertThat(imports.importCsv(user(DemoUsers.CASE_HANDLER), r.getId(),
                    csv.toString().getBytes(StandardCharsets.UTF_8)).errors()).isEmpty();
            analysis.freeze(r.getId(), DemoUsers.CASE_HANDLER);

            b.open("/differentiation/" + r.getId());
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("distribution")));
            assertThat(b.driver.findElement(By.id("timeline")).getText()).contains("Informasjonsmøte med fylkeskommunene");
            b.assertAccessible("differensieringsrunde");
            b.driver.findElement(By.cssSelector("#results a")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totals")));
            assertThat(b.driver.findElement(By.tagName("h1")).getText()).contains("differensiering 2028");
            b.assertAccessible("poeng forklart");
            b.logout();

            jdbc.sql("update diff_round set basis_sent_at = now() where id = ?").param(r.getId()).update();
            b.login(DemoUsers.VESTLAND, DemoUsers.PASSWORD);
            b.open("/differentiation");
            b.driver.findElement(By.partialLinkText("2028")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("county-results")));
            assertThat(b.driver.findElement(By.id("county-results")).getText()).contains("Sogn").doesNotContain("Helgeland");
            b.assertAccessible("fylkets side i runden");
        }
    }
}
