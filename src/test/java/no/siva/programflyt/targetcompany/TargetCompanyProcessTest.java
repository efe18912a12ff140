package no.siva.programflyt.targetcompany;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.spring.test.ZeebeTestThreadSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.support.BrregStub;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import no.siva.programflyt.targetcompany.ledger.AidLedger;
import no.siva.programflyt.targetcompany.ledger.CostType;
import no.siva.programflyt.targetcompany.ledger.EurRates;
import no.siva.programflyt.tasks.UserTask;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A target company through its lifecycle on the in-memory engine, with the real workers and task list: admission
 * (eligible, refused, reviewed), the yearly cycle with the self-declaration renewal before two years, the surveys,
 * and each way out.
 */
class TargetCompanyProcessTest extends ProcessTestBase {

    private static final String TC = TargetCompanyService.CASE_TYPE;
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Autowired
    TargetCompanyService service;
    @Autowired
    TargetCompanyRepository companies;
    @Autowired
    OperatorRepository operators;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AidLedger ledger;
    @Autowired
    EurRates rates;

    private long sogn() {
        return operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
    }

    private CurrentUser staff() {
        return user(DemoUsers.OPERATOR_USER);
    }

    private TargetCompany register(String org) {
        return service.register(staff(), sogn(), org, "Målbedrift " + org + " AS", "post@mb.example.no");
    }

    private TargetCompany admit(String org, LocalDate start, LocalDate end) {
        return admitTargetCompany(staff(), sogn(), org, start, end);
    }

    private void completeDialogue(TargetCompany c) {
        UserTask dialogue = awaitOpenTask(TC, c.getId(), "utviklingssamtale");
        assertThat(complete(staff(), dialogue, Map.of("samtaledato", today().toString(), "srl", "4",
                "behovNeste", "Mer eksport.")).valid()).isTrue();
    }

    /** To one o'clock in the night of {@code date}, Oslo time. */
    private void moveClockTo(LocalDate date) {
        moveClockTo(date.atStartOfDay(OSLO).toInstant().plusSeconds(3600));
    }

    private List<String> surveys(TargetCompany c) {
        return jdbc.sql("select form || ' ' || to_char(dispatch_month, 'YYYY-MM') || ' ' || register_by from survey_dispatch "
                + "where target_company_id = ? order by dispatch_month, form").param(c.getId()).query(String.class).list();
    }

    @Test
    void eligibleCompanyIsAdmitted_withItsStartSurveyAndPortalDeadline() {
        LocalDate start = LocalDate.of(2026, 11, 23);
        TargetCompany c = admit("912345742", start, start.plusYears(3));

        assertThat(c.getStatus()).isEqualTo(TargetCompanyStatus.ACTIVE);
        assertThat(c.getSme()).isTrue();
        assertThat(c.getEnterpriseCategory()).isEqualTo("INDEPENDENT");
        assertThat(c.getSelfDeclarationValidUntil()).isEqualTo(start.plusYears(2).minusDays(1));
        assertThat(c.getAidIntensityPercent()).isEqualByComparingTo("60");
        UserTask portal = awaitOpenTask(TC, c.getId(), "registrere-opptak-portal");
        assertThat(portal.getDueAt().atZone(OSLO).toLocalDate()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(surveys(c)).containsExactly("START 2027-03 2027-02-28");
        awaitOpenTask(TC, c.getId(), "utviklingssamtale");
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).isActive().hasPassedElement("opptak");
    }

    @Test
    void needsMappingStartsFromTheLatestAccountsInRegnskapsregisteret() {
        TargetCompany c = register("912345742");
        UserTask mapping = awaitOpenTask(TC, c.getId(), "kartlegge-behov");
        var prefilled = tasks.initialSubmission(mapping);
        assertThat(prefilled.rawFirst("regnskapsar")).isEqualTo("2024");
        assertThat(prefilled.rawFirst("omsetning")).isEqualTo("7800000");
        assertThat(prefilled.rawFirst("balanse")).isEqualTo("4200000");
        assertThat(prefilled.rawFirst("egenkapital")).isEqualTo("950000");
        assertThat(prefilled.rawFirst("aksjekapital")).isEqualTo("100000");
        BrregStub.outage();   // the accounts register down: the form starts empty, nothing fails
        assertThat(tasks.initialSubmission(mapping).rawFirst("omsetning")).isEmpty();
    }

    @Test
    void asaIsRefusedAtAdmission() {
        TargetCompany c = register(BrregStub.ASA);
        complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), targetCompanyMapping());
        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), Duration.ofSeconds(20));
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).hasPassedElement("ikke-tatt-opp")
                .hasNotPassedElement("aktivt-ar");
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(TargetCompanyStatus.REFUSED);
        assertThat(done.getEligibilitySummary()).contains("Allmennaksjeselskap (ASA)");
    }

    @Test
    void publicOwnershipAndLargeGroupsAreRefused_withTheReasonOnTheCase() {
        TargetCompany c = register("912345815");
        Map<String, String> v = targetCompanyMapping();
        // the owners as rows (issue 23, point 5): a municipality-owned body and a large group
        v.putAll(Map.of("virksomheter[0].navn", "Storby kommune", "virksomheter[0].arsverk", "0",
                "virksomheter[0].omsetning", "0", "virksomheter[0].balanse", "0", "virksomheter[0].type", "offentlig"));
        v.putAll(Map.of("virksomheter[1].navn", "Konsernet AS", "virksomheter[1].arsverk", "400",
                "virksomheter[1].omsetning", "900 000 000", "virksomheter[1].balanse", "500000000", "virksomheter[1].type", "virksomhet"));
        v.putAll(Map.of("eierskap[0].eier", "Storby kommune", "eierskap[0].kapital", "30",
                "eierskap[1].eier", "Konsernet AS", "eierskap[1].kapital", "20"));
        complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), v);
        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), Duration.ofSeconds(20));
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(TargetCompanyStatus.REFUSED);
        assertThat(done.getPublicPercent()).isEqualByComparingTo("30");
        assertThat(done.getEligibilitySummary()).contains("Offentlige organer eier 30 %");
    }

    /** Each exclusion of §4.3 and §14, through the process: refused, with its reason on the case. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bank          | 912346226 | innovasjonsselskap=false | Banker og forsikringsselskap",
            "innovation    | 912345742 | innovasjonsselskap=true  | Andre innovasjonsselskap",
            "recovery      | 912345742 | tilbakebetalingskrav=true | utestående krav om tilbakebetaling",
            "insolvency    | 912345742 | gjeldsforhandling=true   | konkurs eller gjeldsforhandling",
            "notSme        | 912345742 | arsverk=260,smbForrigeAr=nei | ikke en SMB (alternativ 1",
            "capitalLost   | 912345742 | egenkapital=40000        | Mellombalanse må legges fram",
            "bankrupt      | 912346161 | innovasjonsselskap=false | konkurs eller gjeldsforhandling",
            "takeover      | 912345742 | oppkjopt=true            | kjøpt opp av et stort konsern",
            "kf            | 912346307 | innovasjonsselskap=false | Offentlig foretak eller organ i Enhetsregisteret (Kommunalt foretak, KF)",
            "interim       | 912345742 | mellombalanseEgenkapital=40000 | mellombalansen viser at mer enn halvparten",
    })
    void eachExclusionIsRefused(String name, String org, String change, String reason) {
        TargetCompany c = register(org);
        Map<String, String> v = targetCompanyMapping();
        for (String pair : change.split(",")) {
            String[] kv = pair.split("=");
            if (!kv[1].equals("false")) {
                v.put(kv[0], kv[1]);
            }
        }
        assertThat(complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), v).valid()).isTrue();
        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), Duration.ofSeconds(20));
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).hasPassedElement("ikke-tatt-opp")
                .hasNotPassedElement("aktivt-ar");
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(TargetCompanyStatus.REFUSED);
        assertThat(done.getEligibilitySummary()).contains(reason);
    }

    /**
     * §14.1.6: «Valutakurs for euro skal beregnes som gjennomsnittlig valutakurs for det året virksomheten har mottatt
     * innovasjonsstøtte»: the thresholds in EUR at this year's rate (the aid is granted at admission), not the rate of
     * the accounts' year. 600 MNOK turnover and 520 MNOK balance are above both thresholds at 2024's 11.629, below at 13.
     */
    @Test
    void smeThresholdsUseTheRateOfTheYearTheAidIsReceived_notTheAccountsYear() {
        int year = today().getYear();
        rates.set(year, new BigDecimal("13.0000"), false);
        try {
            TargetCompany c = register("912345742");
            Map<String, String> v = targetCompanyMapping();
            v.put("omsetning", "600000000");
            v.put("balanse", "520000000");
            v.put("regnskapsar", "2024");
            v.put("smbForrigeAr", "ukjent");   // the year alone decides
            complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), v);
            awaitOpenTask(TC, c.getId(), "egenerklaering");
            TargetCompany checked = companies.findById(c.getId()).orElseThrow();
            assertThat(checked.getSme()).isTrue();
            assertThat(checked.getEligibilitySummary()).contains("gjennomsnittskursen for " + year + " (13,0000 kr/EUR)");
        } finally {
            jdbc.sql("delete from eur_rate where year = ? and year > 2025").param(year).update();
        }
    }

    @Test
    void oneYearAboveTheThresholdsAfterAnSmeYear_isStillAnSme() {
        TargetCompany c = register("912345742");
        Map<String, String> v = targetCompanyMapping();
        v.put("arsverk", "260");
        v.put("smbForrigeAr", "ja");
        complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), v);
        awaitOpenTask(TC, c.getId(), "egenerklaering");
        assertThat(companies.findById(c.getId()).orElseThrow().getSme()).isTrue();
    }

    /** The start survey and the portal deadline for an agreement starting in each quarter of the guide's table. */
    @ParameterizedTest(name = "start {0}")
    @CsvSource({
            "2027-01-15, START 2027-03 2027-02-28, 2027-02-28",
            "2027-04-01, START 2027-06 2027-05-31, 2027-05-31",
            "2027-07-31, START 2027-09 2027-08-31, 2027-08-31",
            "2027-10-10, START 2027-12 2027-11-30, 2027-11-30",
    })
    void surveyDispatchForEachQuarter(LocalDate start, String survey, LocalDate registerBy) {
        if (start.isAfter(today())) {
            moveClockTo(start);   // the self-declaration is signed on the admission date, never ahead of it
        }
        TargetCompany c = admit("912345742", start, start.plusYears(2));
        assertThat(awaitOpenTask(TC, c.getId(), "registrere-opptak-portal").getDueAt().atZone(OSLO).toLocalDate())
                .isEqualTo(registerBy);
        assertThat(surveys(c)).containsExactly(survey);
    }

    @Test
    void badOwnershipRowsAreRefusedAtTheirFieldWithTheRow() {
        TargetCompany c = register("912345882");
        UserTask mapping = awaitOpenTask(TC, c.getId(), "kartlegge-behov");
        Map<String, String> v = targetCompanyMapping();
        // issue 23, point 5: rows checked at their fields, not a «Fjordinvest AS; M; 30» mini-language
        v.putAll(Map.of("virksomheter[0].navn", "Eier AS", "virksomheter[0].arsverk", "10", "virksomheter[0].omsetning", "1000",
                "virksomheter[0].balanse", "1000", "virksomheter[0].type", "virksomhet"));
        v.putAll(Map.of("virksomheter[1].navn", "Eier AS", "virksomheter[1].arsverk", "5", "virksomheter[1].omsetning", "1",
                "virksomheter[1].balanse", "1", "virksomheter[1].type", "virksomhet"));
        v.putAll(Map.of("virksomheter[2].navn", "Uten tall AS", "virksomheter[2].type", "virksomhet"));
        v.putAll(Map.of("eierskap[0].eier", "Eier AS", "eierskap[0].kapital", "130"));
        var result = complete(staff(), mapping, v);
        assertThat(result.valid()).isFalse();
        assertThat(result.errors().get("virksomheter[2].arsverk")).isEqualTo("Fyll ut «Årsverk» i rad 3.");
        assertThat(result.errors().get("eierskap[0].kapital")).isEqualTo("Rad 1: «Kapitalandel (%)» kan ikke være større enn 100.");
        assertThat(taskRows.findById(mapping.getId()).orElseThrow().isOpen()).isTrue();
        // the same name twice is said at the second row's name
        v.put("virksomheter[2].arsverk", "1");
        v.put("virksomheter[2].omsetning", "1");
        v.put("virksomheter[2].balanse", "1");
        v.put("eierskap[0].kapital", "30");
        result = complete(staff(), mapping, v);
        assertThat(result.errors().get("virksomheter[1].navn")).isEqualTo("Rad 2: navnet «Eier AS» mangler, er M eller er brukt før.");
        // an owner that is not in the list is said at the owner
        v.put("virksomheter[1].navn", "Eier to AS");
        v.put("eierskap[0].eier", "Ukjent AS");
        result = complete(staff(), mapping, v);
        assertThat(result.errors().get("eierskap[0].eier")).contains("Rad 1:").contains("«Ukjent AS»");
        assertThat(taskRows.findById(mapping.getId()).orElseThrow().isOpen()).isTrue();
    }

    @Test
    void foundationNeedsAManualReviewBySiva() {
        TargetCompany c = register(BrregStub.FOUNDATION);
        complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), targetCompanyMapping());
        UserTask review = awaitOpenTask(TC, c.getId(), "vurdere-kvalifisering");
        assertThat(review.candidateGroupList()).containsExactly("siva-saksbehandler");
        assertThat(companies.findById(c.getId()).orElseThrow().getStatus()).isEqualTo(TargetCompanyStatus.ELIGIBILITY_REVIEW);
        complete(user(DemoUsers.CASE_HANDLER), review, Map.of("konklusjon", "kvalifisert",
                "begrunnelse", "Stiftelsen driver næringsvirksomhet i marked."));
        awaitOpenTask(TC, c.getId(), "egenerklaering");
    }

    @Test
    void selfDeclarationIsRenewedBeforeTwoYears_andThePlannedEndExits() {
        LocalDate start = today();
        TargetCompany c = admit("912345955", start, start.plusYears(3).minusDays(1));
        // year 1: no renewal; the dialogue, then the year ends at the anniversary
        completeDialogue(c);
        assertThat(findOpen(TC, c.getId(), "fornye-egenerklaering")).isEmpty();
        moveClockTo(start.plusYears(1));
        // year 2: the self-declaration (valid until start + 2 years - 1 day) falls due: a reminder 30 days before
        completeDialogue(c);
        moveClockTo(start.plusYears(2).minusDays(40));
        assertThat(findOpen(TC, c.getId(), "fornye-egenerklaering")).isEmpty();
        moveClockTo(start.plusYears(2).minusDays(30));
        UserTask renewal = awaitOpenTask(TC, c.getId(), "fornye-egenerklaering");
        assertThat(outbox.findByCaseTypeAndCaseIdOrderById(TC, c.getId())).singleElement().satisfies(m -> {
            assertThat(m.getRecipient()).isEqualTo("ola@sognnh.no");
            assertThat(m.getSubject()).isEqualTo("Egenerklæringen for Målbedrift 912345955 AS må fornyes");
        });
        assertThat(renewal.getDueAt().atZone(OSLO).toLocalDate()).isEqualTo(start.plusYears(2).minusDays(1));
        LocalDate signed = start.plusYears(2).minusDays(30);   // today: a signing date is never ahead of it
        complete(staff(), renewal, Map.of("bekreftSmb", "true", "kategori", "uavhengig", "bekreftIkkeVansker", "true",
                "bekreftIngenKrav", "true", "annenStotte", "nei", "signertDato", signed.toString(),
                "signertAv", "Kari Daglig Leder"));
        // two years from the new signing (counted from it: from a leap day, start + 4 years - 31 days is a day later)
        assertThat(companies.findById(c.getId()).orElseThrow().getSelfDeclarationValidUntil())
                .isEqualTo(signed.plusYears(2).minusDays(1));
        moveClockTo(start.plusYears(2));
        // year 3: the last; it ends with the agreement, and the company exits as planned
        completeDialogue(c);
        moveClockTo(start.plusYears(3));
        UserTask exitPortal = awaitOpenTask(TC, c.getId(), "registrere-exit-portal");
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(TargetCompanyStatus.EXITED);
        assertThat(done.getExitReason()).isEqualTo(ExitReason.PLANNED_END);
        assertThat(done.getExitDate()).isEqualTo(start.plusYears(3).minusDays(1));
        assertThat(surveys(c)).anyMatch(s -> s.startsWith("ONGOING")).anyMatch(s -> s.startsWith("EXIT"));
        complete(staff(), exitPortal, Map.of("registrert", "true"));
        complete(staff(), awaitOpenTask(TC, c.getId(), "registrere-opptak-portal"), Map.of("registrert", "true"));
        moveClockTo(start.plusYears(3).plusMonths(5));
        ZeebeTestThreadSupport.waitForProcessInstanceCompleted(c.getProcessInstanceKey(), Duration.ofSeconds(20));
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).hasPassedElement("bestille-exit-undersokelse");
        assertThat(jdbc.sql("select count(*) from survey_dispatch where target_company_id = ? and form = 'EXIT' and ordered_at is not null")
                .param(c.getId()).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The change log of 06.01.2025 (200 000 to 220 000 euro) through the agreement task: the aid granted with the
     * agreement is checked against the cap in force on the admission date, at the field.
     */
    @Test
    void theAgreementsGrantMeetsTheCapInForceOnItsDate_beforeAndFrom06012025() {
        var saved = jdbc.sql("select nok_per_eur from eur_rate where year = 2025").query(BigDecimal.class).single();
        rates.set(2025, new BigDecimal("10.0000"), false);
        try {
            agreementsAt06012025();
        } finally {   // eur_rate outlives the test: the next test sees the real 2025 rate again
            jdbc.sql("update eur_rate set nok_per_eur = ? where year = 2025").param(saved).update();
        }
    }

    private void agreementsAt06012025() {
        TargetCompany before = register("912345742");
        complete(staff(), awaitOpenTask(TC, before.getId(), "kartlegge-behov"), targetCompanyMapping());
        sign(staff(), before, LocalDate.of(2025, 1, 5));
        var refused = complete(staff(), awaitOpenTask(TC, before.getId(), "avtale-og-plan"),
                agreementForm(LocalDate.of(2025, 1, 5), LocalDate.of(2027, 1, 4), "2100000"));   // 210 000 EUR
        assertThat(refused.errors()).containsOnlyKeys("innvilgetStotte");
        assertThat(refused.errors().get("innvilgetStotte")).contains("210\u00a0000,00\u00a0EUR")
                .contains("200\u00a0000,00\u00a0EUR").contains("05.01.2025");
        assertThat(ledger.grants(before.getId())).isEmpty();
        assertThat(companies.findById(before.getId()).orElseThrow().getStatus()).isEqualTo(TargetCompanyStatus.AGREEMENT);

        TargetCompany from = register("912345815");
        complete(staff(), awaitOpenTask(TC, from.getId(), "kartlegge-behov"), targetCompanyMapping());
        sign(staff(), from, LocalDate.of(2025, 1, 6));
        assertThat(complete(staff(), awaitOpenTask(TC, from.getId(), "avtale-og-plan"),
                agreementForm(LocalDate.of(2025, 1, 6), LocalDate.of(2027, 1, 5), "2100000")).valid()).isTrue();
        assertThat(ledger.grants(from.getId())).singleElement().satisfies(g -> {
            assertThat(g.grantedOn()).isEqualTo(LocalDate.of(2025, 1, 6));
            assertThat(g.amountEur()).isEqualByComparingTo("210000");
        });
    }

    /** §14.5 point 2: «Dato for signering av egenerklæringsskjema vil tilsvare opptaksdato i program». */
    @Test
    void theAgreementStartsOnTheSigningDate_andNoSigningDateIsAheadOfToday() {
        TargetCompany c = register("912345742");
        complete(staff(), awaitOpenTask(TC, c.getId(), "kartlegge-behov"), targetCompanyMapping());
        UserTask declaration = awaitOpenTask(TC, c.getId(), "egenerklaering");
        var ahead = complete(staff(), declaration, Map.of("bekreftSmb", "true", "kategori", "uavhengig",
                "bekreftIkkeVansker", "true", "bekreftIngenKrav", "true", "annenStotte", "nei",
                "signertDato", today().plusDays(1).toString(), "signertAv", "Kari Daglig Leder"));
        assertThat(ahead.errors()).containsOnlyKeys("signertDato");
        assertThat(companies.findById(c.getId()).orElseThrow().getSelfDeclarationSignedOn()).isNull();
        LocalDate signed = today().minusDays(3);
        sign(staff(), c, signed);
        UserTask agreement = awaitOpenTask(TC, c.getId(), "avtale-og-plan");
        assertThat(tasks.initialSubmission(agreement).rawFirst("avtalestart")).isEqualTo(signed.toString());
        var later = complete(staff(), agreement, agreementForm(signed.plusDays(1), signed.plusYears(2), "100000"));
        assertThat(later.errors()).containsOnlyKeys("avtalestart");
        assertThat(later.errors().get("avtalestart")).contains(new Formats().date(signed));
        var pastEnd = complete(staff(), agreement, agreementForm(signed, LocalDate.of(2033, 1, 1), "100000"));
        assertThat(pastEnd.errors()).containsOnlyKeys("avtaleslutt");
        assertThat(pastEnd.errors().get("avtaleslutt")).contains("31.12.2032");
        assertThat(ledger.grants(c.getId())).isEmpty();
        assertThat(complete(staff(), agreement, agreementForm(signed, signed.plusYears(2), "100000")).valid()).isTrue();
    }

    /**
     * §14.5 point 3: «Egenerklæringsskjemaet vil være gyldig i to år fra opptaksdato gitt at bedriften er
     * sammenhengende i program denne 2-årsperioden»: it expires during a three-year agreement; the renewal task comes
     * before, a line after the expiry is refused until the renewal is signed, then accepted.
     */
    @Test
    @TestDate("2026-12-04")   // a three-year agreement from today fits the programme
    void aSelfDeclarationExpiringDuringTheAgreement_refusesAidUntilRenewed() {
        LocalDate start = today();
        TargetCompany c = admit("912345955", start, start.plusYears(3).minusDays(1));
        completeDialogue(c);
        moveClockTo(start.plusYears(1));
        completeDialogue(c);
        moveClockTo(start.plusYears(2).minusDays(30));
        UserTask renewal = awaitOpenTask(TC, c.getId(), "fornye-egenerklaering");
        LocalDate validUntil = start.plusYears(2).minusDays(1);
        var line = new AidLedger.LineInput(start.plusYears(2),
                CostType.INNOVATION_ADVISORY, "Rådgivning",
                new BigDecimal("10000"), new BigDecimal("4000"));
        moveClockTo(start.plusYears(2));   // expired, not yet renewed
        Assertions.assertThatThrownBy(() -> ledger.record(c.getId(), line, DemoUsers.OPERATOR_USER))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("ledger.error.declarationExpired");
                    assertThat(e.args()).containsExactly(new Formats().date(validUntil));
                });
        assertThat(ledger.invoicedNok(c.getId())).isZero();
        // renewed ten days late: the days between the expiry and the renewal stay uncovered
        moveClockTo(start.plusYears(2).plusDays(10));
        assertThat(complete(staff(), renewal, Map.of("bekreftSmb", "true", "kategori", "uavhengig",
                "bekreftIkkeVansker", "true", "bekreftIngenKrav", "true", "annenStotte", "nei",
                "signertDato", today().toString(), "signertAv", "Kari Daglig Leder")).valid()).isTrue();
        Assertions.assertThatThrownBy(() -> ledger.record(c.getId(), line, DemoUsers.OPERATOR_USER))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ledger.error.declarationExpired"));
        var afterRenewal = new AidLedger.LineInput(today(), line.costType(),
                line.description(), line.marketValueNok(), line.ownContributionNok());
        assertThat(ledger.record(c.getId(), afterRenewal, DemoUsers.OPERATOR_USER).getAidNok()).isEqualByComparingTo("6000");
    }

    @Test
    void earlyTerminationByTheOperator_exitsOnTheGivenDate() {
        LocalDate start = LocalDate.of(2026, 2, 10);
        TargetCompany c = admit("912346234", start, start.plusYears(3));
        awaitOpenTask(TC, c.getId(), "utviklingssamtale");
        service.requestExit(staff(), c.getId(), ExitReason.EARLY_TERMINATION, LocalDate.of(2026, 9, 30));
        service.requestExit(staff(), c.getId(), ExitReason.EARLY_TERMINATION, LocalDate.of(2026, 9, 30));   // twice: one exit
        UserTask exitPortal = awaitOpenTask(TC, c.getId(), "registrere-exit-portal");
        assertThat(exitPortal.getDueAt().atZone(OSLO).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getExitReason()).isEqualTo(ExitReason.EARLY_TERMINATION);
        assertThat(done.getExitDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(findOpen(TC, c.getId(), "utviklingssamtale")).isEmpty();   // the year was interrupted
        assertThat(surveys(c)).contains("EXIT 2026-12 2026-11-30");
    }

    @Test
    void bankruptcyInTheRegister_endsTheAgreementAtTheNextYearStart() {
        LocalDate start = today();
        TargetCompany c = admit("912346242", start, start.plusYears(3));
        completeDialogue(c);
        BrregStub.goesBankrupt("912346242");
        moveClockTo(start.plusYears(1));
        awaitOpenTask(TC, c.getId(), "registrere-exit-portal");
        TargetCompany done = companies.findById(c.getId()).orElseThrow();
        assertThat(done.getExitReason()).isEqualTo(ExitReason.BANKRUPTCY);
        assertThat(new InspectedProcessInstance(c.getProcessInstanceKey())).hasPassedElement("avslutte-konkurs");
    }

    @Test
    void lossOfSmeStatusTakeoverAndTheOperatorsTerminationAreExitReasons() {
        LocalDate start = LocalDate.of(2026, 5, 1);
        TargetCompany a = admit("912346250", start, start.plusYears(3));
        TargetCompany b = admit("912346269", start, start.plusYears(3));
        TargetCompany d = admit("912346277", start, start.plusYears(3));
        service.requestExit(staff(), a.getId(), ExitReason.NO_LONGER_SME, LocalDate.of(2026, 12, 31));
        service.requestExit(user(DemoUsers.CASE_HANDLER), b.getId(), ExitReason.TAKEOVER, LocalDate.of(2026, 8, 15));
        service.requestExit(user(DemoUsers.CASE_HANDLER), d.getId(), ExitReason.OPERATOR_TERMINATED, LocalDate.of(2026, 9, 1));
        awaitOpenTask(TC, a.getId(), "registrere-exit-portal");
        awaitOpenTask(TC, b.getId(), "registrere-exit-portal");
        awaitOpenTask(TC, d.getId(), "registrere-exit-portal");
        assertThat(companies.findById(a.getId()).orElseThrow().getExitReason()).isEqualTo(ExitReason.NO_LONGER_SME);
        assertThat(companies.findById(b.getId()).orElseThrow().getExitReason()).isEqualTo(ExitReason.TAKEOVER);
        assertThat(companies.findById(d.getId()).orElseThrow().getExitReason()).isEqualTo(ExitReason.OPERATOR_TERMINATED);
    }
}
