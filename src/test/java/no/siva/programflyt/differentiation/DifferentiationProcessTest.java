package no.siva.programflyt.differentiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.followup.FollowUpCaseRepository;
import no.siva.programflyt.followup.FollowUpService;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.notifications.OutboxMessage;
import no.siva.programflyt.registry.GrantSteps;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.support.EngineRecords;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import no.siva.programflyt.tasks.UserTask;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The differentiation round (guide §15.3) on the in-memory engine through the real workers: a whole round for three
 * counties and eight operators with the engine's clock moved from 1 September to 10 December, and a year without
 * differentiation that runs only the limited analysis.
 */
class DifferentiationProcessTest extends ProcessTestBase {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String DIFF = DifferentiationService.CASE_TYPE;

    @Autowired
    DifferentiationService service;
    @Autowired
    DifferentiationAnalysis roundAnalysis;
    @Autowired
    GrantModelService grantModels;
    @Autowired
    IndicatorImport imports;
    @Autowired
    OperatorRepository operators;
    @Autowired
    FollowUpCaseRepository followUps;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentService documents;

    private void moveTo(LocalDateTime t) {
        moveClockTo(t.atZone(OSLO).toInstant());
    }

    /**
     * The first odd year whose 15 August (the yearly timer) lies ahead of the test's date: not a differentiation year
     * (the even years are); the rounds below are that year's and the next's, whatever the suite's date.
     */
    private int oddYearAhead() {
        LocalDate today = today();
        int y = today.isBefore(LocalDate.of(today.getYear(), 8, 15)) ? today.getYear() : today.getYear() + 1;
        return y % 2 == 1 ? y : y + 1;
    }

    private DiffRound awaitRound(int year) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> service.byYear(year), Optional::isPresent).orElseThrow();
    }

    private List<UserTask> awaitOpen(long roundId, String element, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(DIFF, roundId)
                .stream().filter(t -> t.isOpen() && t.getElementId().equals(element)).toList(), l -> l.size() == count);
    }

    private int countOpen(long roundId, String element) {
        return (int) taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(DIFF, roundId).stream()
                .filter(t -> t.isOpen() && t.getElementId().equals(element)).count();
    }

    private UserTask awaitCountyTask(long roundId, String element, String county) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(DIFF, roundId)
                .stream().filter(t -> t.isOpen() && t.getElementId().equals(element) && county.equals(t.getCountyCode()))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    private void done(CurrentUser u, UserTask t, Map<String, String> values) {
        FormSubmission s = complete(u, t, values);
        assertThat(s.errors()).as(t.getElementId()).isEmpty();
    }

    private static CurrentUser countyOfficial(String code) {
        return new CurrentUser("fylke-" + code, "Rådgiver " + code, "radgiver" + code + "@fylke.example.no", "",
                Set.of(Role.FYLKE), Set.of(code), null, true);
    }

    /** A valid organisation number (MOD11) from eight digits. */
    static String org(String eight) {
        int[] w = {3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eight.charAt(i) - '0') * w[i];
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            return org(String.valueOf(Long.parseLong(eight) + 1));
        }
        return eight + (check == 11 ? 0 : check);
    }

    private List<OutboxMessage> mails(long roundId, String keyPart) {
        return outbox.findByCaseTypeAndCaseIdOrderById(DIFF, roundId).stream()
                .filter(m -> m.getDedupKey().startsWith("diff:" + roundId + ":" + keyPart)).toList();
    }

    /**
     * Eight operators of quality 8 (best) down to 1, as CSV for the round's three report years: every scored indicator a
     * value that ranks them in that order in the latest year. The two weakest were better two years before on every
     * indicator (negative development on all five criteria); the others held their level.
     */
    private byte[] indicatorCsv(List<Operator> ranked, int roundYear) {
        StringBuilder b = new StringBuilder("organisasjonsnummer;indikator;rapportår;verdi\n");
        for (int i = 0; i < ranked.size(); i++) {
            int q = ranked.size() - i;
            for (Indicator ind : service.indicators()) {
                if (ind.supporting() || !ind.importable()) {
                    continue;
                }
                BigDecimal v;
                BigDecimal earlier;
                if (ind.source().equals("KTU")) {
                    v = BigDecimal.ONE.add(BigDecimal.valueOf(q).multiply(new BigDecimal("0.5")));
                    earlier = v.add(new BigDecimal("0.5"));
                } else if (ind.code().endsWith("-mal")) {
                    v = BigDecimal.valueOf(q).multiply(new BigDecimal("0.15"));
                    earlier = v.multiply(new BigDecimal("1.3"));
                } else if (ind.code().equals("akt.art28-ubrukt")) {
                    v = BigDecimal.valueOf(90 - q * 10);
                    earlier = v.subtract(BigDecimal.TEN);   // lower is better: it rose
                } else {
                    v = BigDecimal.valueOf(q * 3L);
                    earlier = v.multiply(new BigDecimal("1.3"));
                }
                if (q > 2) {
                    earlier = v;
                }
                for (int year = roundYear - 3; year < roundYear; year++) {
                    b.append(ranked.get(i).getOrgNumber()).append(';').append(ind.code()).append(';').append(year).append(';')
                            .append((year == roundYear - 1 ? v : earlier).toPlainString().replace('.', ',')).append('\n');
                }
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void grantModel(int firstYear) {
        TreeMap<Integer, BigDecimal> steps = new TreeMap<>();
        for (int s = 1; s <= 6; s++) {
            steps.put(s, BigDecimal.valueOf(1_000_000L + 500_000L * s));
        }
        grantModels.newVersion(firstYear, steps, "Testmodell", DemoUsers.PROJECT_LEADER);
    }

    /**
     * States its own date: a whole round walks one specific calendar, and from a suite date after mid-August it would
     * first cross two or three New Years (each starting every operator's reporting year, with its hundreds of
     * timers) before the round it is about.
     */
    @Test
    @TestDate("2027-03-01")
    void aWholeRound_threeCountiesEightOperators_fromSeptemberToDecember() {
        int y = oddYearAhead();
        CurrentUser leader = user(DemoUsers.PROJECT_LEADER);
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        CurrentUser nordland = user(DemoUsers.NORDLAND);
        CurrentUser trondelag = countyOfficial("50");

        // The yearly timer: y (odd) is not a differentiation year, y + 1 (even) is.
        moveTo(LocalDateTime.of(y, 8, 16, 12, 0));
        awaitRound(y);
        moveTo(LocalDateTime.of(y + 1, 8, 16, 12, 0));
        DiffRound round = awaitRound(y + 1);
        long id = round.getId();
        assertThat(round.isDifferentiation()).isTrue();
        assertThat(round.getStartedBy()).isEqualTo("system");

        // Eight operators in three counties (Vestland 46, Nordland 18, Trøndelag 50), and the model for y + 2 and y + 3.
        String[][] extra = {{"90100001", "46"}, {"90100002", "46"}, {"90100003", "18"}, {"90100004", "18"},
                {"90100005", "50"}, {"90100006", "50"}};
        for (int i = 0; i < extra.length; i++) {
            operators.save(new Operator(org(extra[i][0]), "Næringshage " + (char) ('A' + i), extra[i][1],
                    OperatorStatus.ACTIVE, "Sara Saksbehandler", clock.instant()));
        }
        grantModel(y + 2);
        List<Operator> all = service.participants();
        assertThat(all).hasSize(8);

        UserTask calendar = awaitOpen(id, "fastsette-kalender", 1).get(0);
        assertThat(calendar.candidateGroupList()).containsExactly("siva-prosjektleder");
        Map<String, String> dates = new HashMap<>();
        service.defaultCalendar(y + 1).forEach((k, v) -> dates.put(k, v.toString()));
        Map<String, String> wrong = new HashMap<>(dates);
        wrong.put("tilbakemelding", (y + 1) + "-12-04");   // leaves less than a week before the notification
        assertThat(complete(leader, calendar, wrong).errors()).containsKey("varsling");
        done(leader, calendar, dates);

        moveTo(LocalDateTime.of(y + 1, 9, 1, 10, 0));
        done(leader, awaitOpen(id, "informasjonsmote", 1).get(0), Map.of("avholdt", (y + 1) + "-09-01",
                "deltakere", "Alle fylkeskommunene", "referat", "Kriterier, tidsplan og kommunikasjonsplan gjennomgått."));

        // The analysis: refused while data and steps are missing; imported values, minimum and potential; frozen.
        UserTask analysis = awaitOpen(id, "analyse", 1).get(0);
        assertThat(complete(siva, analysis, Map.of("kvalitetssikret", "true")).errors()).containsKey("kvalitetssikret");
        List<Operator> ranked = new ArrayList<>(all);   // quality follows this order: ranked[0] best
        IndicatorImport.Result imported = imports.importCsv(siva, id, indicatorCsv(ranked, y + 1));
        assertThat(imported.errors()).isEmpty();
        for (Operator o : all) {
            roundAnalysis.setMinimumAndPotential(siva, id, o.getId(), 3, 5);
        }
        done(siva, analysis, Map.of("kvalitetssikret", "true"));
        assertThat(service.find(id).orElseThrow().getAnalysisDoneAt()).isNotNull();
        Map<Long, DifferentiationAnalysis.OperatorResult> results = roundAnalysis.resultsByOperator(id);
        assertThat(results.get(ranked.get(0).getId()).totalGroup()).isEqualTo(1);
        assertThat(results.get(ranked.get(7).getId()).totalGroup()).isEqualTo(4);
        assertThat(results.get(ranked.get(7).getId()).negativeAreas()).isEqualTo(5);

        // Early October: the information basis to every county at its date, the briefing to all operators the day after.
        moveTo(LocalDateTime.of(y + 1, 10, 3, 8, 0));
        assertThat(service.find(id).orElseThrow().getBasisSentAt()).isNull();
        moveTo(LocalDateTime.of(y + 1, 10, 3, 10, 0));
        await().atMost(Duration.ofSeconds(20)).until(() -> service.find(id).orElseThrow().getBasisSentAt() != null);
        assertThat(mails(id, "basis:46").stream().map(OutboxMessage::getRecipient)).contains(vestland.email());
        assertThat(mails(id, "basis:18").stream().map(OutboxMessage::getRecipient)).contains(nordland.email());
        assertThat(mails(id, "briefing")).isEmpty();
        // the basis is recorded in its job; the next day's timer exists once the job's completion reaches the engine
        // (moving the clock before that left the briefing waiting, in two runs of this stop)
        long key = service.find(id).orElseThrow().getProcessInstanceKey();
        await().atMost(Duration.ofSeconds(20)).until(() -> EngineRecords.pendingTimerElements(engine, key).stream()
                .anyMatch(t -> t.startsWith("dagen-etter@")));
        moveTo(LocalDateTime.of(y + 1, 10, 4, 10, 0));
        await().atMost(Duration.ofSeconds(20)).until(() -> service.find(id).orElseThrow().getOperatorsBriefedAt() != null);
        assertThat(mails(id, "briefing")).isNotEmpty();

        // Per county: the meeting; the frame after the state budget proposal; the models; the proposal; the feedback.
        List<UserTask> meetings = awaitOpen(id, "fylkesmote", 3);
        assertThat(meetings.stream().map(UserTask::getCountyCode)).containsExactlyInAnyOrder("18", "46", "50");
        for (UserTask m : meetings) {
            done(siva, m, Map.of("avholdt", (y + 1) + "-10-05", "referat", "Grunnlaget presentert og diskutert."));
        }
        assertThat(countOpen(id, "budsjettramme")).isZero();
        service.budgetProposalPublished(siva, id, LocalDate.of(y + 1, 10, 6));
        Map<String, CurrentUser> officials = Map.of("46", vestland, "18", nordland, "50", trondelag);
        Map<String, String> frames = Map.of("46", "9500000", "18", "9000000", "50", "6500000");
        for (String c : List.of("46", "18", "50")) {
            UserTask frame = awaitCountyTask(id, "budsjettramme", c);
            assertThat(frame.candidateGroupList()).containsExactly("fylke-" + c);
            done(officials.get(c), frame, Map.of("ramme", frames.get(c)));
        }
        assertThat(countOpen(id, "plasseringsforslag")).isZero();
        done(leader, awaitOpen(id, "modellgjennomgang", 1).get(0), Map.of("resultat", "uendret",
                "behandling", "Trinn og beløp er uendret for " + (y + 2) + "–" + (y + 3) + "."));
        for (String c : List.of("46", "18", "50")) {
            Map<Long, Integer> steps = new HashMap<>();
            all.stream().filter(o -> o.getCountyCode().equals(c)).forEach(o -> steps.put(o.getId(), 4));
            roundAnalysis.setProposedSteps(siva, id, c, steps);
        }
        // Trøndelag first gets more than its frame: refused at the field, nothing sent
        Operator t1 = all.stream().filter(o -> o.getCountyCode().equals("50")).findFirst().orElseThrow();
        roundAnalysis.setProposedSteps(siva, id, "50", Map.of(t1.getId(), 6));
        UserTask proposal50 = awaitCountyTask(id, "plasseringsforslag", "50");
        assertThat(complete(siva, proposal50, Map.of()).errors()).containsKey("merknad");
        roundAnalysis.setProposedSteps(siva, id, "50", Map.of(t1.getId(), 4));
        for (String c : List.of("46", "18", "50")) {
            done(siva, awaitCountyTask(id, "plasseringsforslag", c), Map.of());
        }
        // what the county got is what stands: no change once sent, unless the county asks for one
        Operator v1 = all.stream().filter(o -> o.getCountyCode().equals("46")).findFirst().orElseThrow();
        Assertions.assertThatThrownBy(() -> roundAnalysis.setProposedSteps(siva, id, "46", Map.of(v1.getId(), 6)))
                .isInstanceOf(BusinessRuleException.class);
        // Trøndelag asks for a change first, then agrees; Vestland agrees; Nordland is late.
        done(trondelag, awaitCountyTask(id, "tilbakemelding", "50"), Map.of("vedtak", "endring",
                "forbehold", "Forbehold om statsbudsjettet.", "begrunnelse", "Vi ber om en ny vurdering."));
        UserTask again = awaitCountyTask(id, "plasseringsforslag", "50");
        roundAnalysis.setProposedSteps(siva, id, "50", Map.of(t1.getId(), 3));   // open again after the county's request
        done(siva, again, Map.of("merknad", "Vurdert på nytt: trinn 3 for den første."));
        done(trondelag, awaitCountyTask(id, "tilbakemelding", "50"), Map.of("vedtak", "godkjent",
                "forbehold", "Forbehold om statsbudsjettet og politisk behandling."));
        done(vestland, awaitCountyTask(id, "tilbakemelding", "46"), Map.of("vedtak", "godkjent",
                "forbehold", "Forbehold om Stortingets vedtak."));
        assertThat(documents.forCase(DIFF, id).stream().filter(d -> d.getKind().startsWith("FORSLAG-50-"))).hasSize(2);
        assertThat(documents.forCase(DIFF, id).stream().filter(d -> d.getKind().startsWith("FORSLAG-46-"))).hasSize(1);
        assertThat(mails(id, "proposal:46:").stream().map(OutboxMessage::getRecipient)).containsExactly(vestland.email());

        UserTask late = awaitCountyTask(id, "tilbakemelding", "18");
        moveTo(LocalDateTime.of(y + 1, 11, 26, 10, 0));
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails(id, "escalate:tilbakemelding:18").isEmpty()
                && !mails(id, "remind:tilbakemelding:18").isEmpty());
        assertThat(mails(id, "escalate:tilbakemelding:18").stream().map(OutboxMessage::getRecipient))
                .contains(leader.email(), nordland.email());
        assertThat(mails(id, "remind:tilbakemelding:18")).isNotEmpty();
        // the county's own step: the others go on (issue 23, point 11: the text fits the step)
        assertThat(mails(id, "escalate:tilbakemelding:18").get(0).getBodyHtml()).contains("De andre fylkene går videre")
                .doesNotContain("Sivas eget");
        assertThat(mails(id, "escalate:")).allMatch(m -> m.getDedupKey().contains("escalate:tilbakemelding:18"));
        assertThat(service.find(id).orElseThrow().getStatus()).isEqualTo(RoundStatus.COUNTIES);
        moveTo(LocalDateTime.of(y + 1, 11, 28, 10, 0));
        done(nordland, late, Map.of("vedtak", "godkjent", "forbehold", "Forbehold om politisk behandling i fylkestinget."));

        // The board: not before one week after the deadline (25 November + 7 days = 2 December).
        await().atMost(Duration.ofSeconds(20)).until(() -> service.find(id).orElseThrow().getStatus() == RoundStatus.BOARD);
        moveTo(LocalDateTime.of(y + 1, 12, 1, 12, 0));
        assertThat(countOpen(id, "programstyret")).isZero();
        moveTo(LocalDateTime.of(y + 1, 12, 2, 10, 0));
        UserTask board = awaitOpen(id, "programstyret", 1).get(0);
        assertThat(board.getDueAt()).isEqualTo(LocalDate.of(y + 1, 12, 2).atTime(16, 0).atZone(OSLO).toInstant());
        done(leader, board, Map.of("motedato", (y + 1) + "-12-02", "vedtak", "Tatt til etterretning med fylkenes forbehold."));

        // Early December: every operator is notified exactly once; the weakest two get an extraordinary follow-up.
        moveTo(LocalDateTime.of(y + 1, 12, 10, 10, 0));
        await().atMost(Duration.ofSeconds(20)).until(() -> service.find(id).orElseThrow().getStatus() == RoundStatus.COMPLETED);
        awaitEnded(service.find(id).orElseThrow().getProcessInstanceKey());
        BpmnAssert.assertThat(new InspectedProcessInstance(service.find(id).orElseThrow().getProcessInstanceKey()))
                .isCompleted().hasPassedElement("runden-fullfort").hasPassedElement("uke-etter-fristen");
        List<OutboxMessage> notices = mails(id, "notify:");
        Map<String, Long> perOperator = notices.stream().collect(Collectors.groupingBy(
                m -> m.getDedupKey().split(":")[3], Collectors.counting()));
        assertThat(perOperator).hasSize(8);
        assertThat(notices.stream().map(OutboxMessage::getDedupKey).distinct()).hasSize(notices.size());
        assertThat(documents.forCase(DIFF, id).stream().filter(d -> d.getKind().startsWith("VARSEL-"))).hasSize(8);
        for (Operator o : all) {
            DifferentiationAnalysis.OperatorResult r = roundAnalysis.resultsByOperator(id).get(o.getId());
            assertThat(r.notifiedAt()).isNotNull();
            assertThat(r.letterDocumentId()).isNotNull();
            // «med virkning fra første halvår det kommende året»: recorded in December, in force from 1 January
            assertThat(grantSteps.on(o.getId(), LocalDate.of(y + 2, 1, 1))).contains(o.getId().equals(t1.getId()) ? 3 : 4);
            assertThat(grantSteps.current(o.getId())).isEmpty();
        }
        // each operator's staff get one notice (Sogn has a demo user), with the letter attached
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        assertThat(notices.stream().filter(m -> m.getDedupKey().startsWith("diff:" + id + ":notify:" + sogn + ":")
                && m.getRecipient().equals(user(DemoUsers.OPERATOR_USER).email()))).hasSize(1);
        assertThat(EngineRecords.jobEventsOfType(engine, "differentiation.notify",
                JobIntent.COMPLETED)).isEqualTo(1);

        Set<Long> flagged = Set.of(ranked.get(6).getId(), ranked.get(7).getId());
        await().atMost(Duration.ofSeconds(20)).until(() -> followUps.findAll().size() == 2);
        assertThat(followUps.findAll().stream().map(c -> c.getOperatorId()).collect(Collectors.toSet())).isEqualTo(flagged);
        // the status overview followed the round and each county's part of it
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select stage_key from case_state where case_type = "
                + "'DIFFERENTIATION_COUNTY' order by county_code").query(String.class).list().equals(List.of(
                        "differentiation.countyStage.DONE", "differentiation.countyStage.DONE", "differentiation.countyStage.DONE")));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select stage_key from case_state where case_type = "
                + "'DIFFERENTIATION' and case_id = ?").param(id).query(String.class).single().equals("differentiation.status.COMPLETED"));
        // a county's part never carries the round's events (they name other counties)
        assertThat(jdbc.sql("select count(*) from case_state where case_type = 'DIFFERENTIATION_COUNTY' and last_event is not null")
                .query(Long.class).single()).isZero();

        // nothing left but the yearly start's next occurrence (the engine files it under the instance it last started)
        // (the cron cycle is read in the engine's time zone: 05:00 there, early morning in Oslo either way)
        assertThat(EngineRecords.pendingTimerElements(engine, service.find(id).orElseThrow().getProcessInstanceKey()))
                .singleElement().asString().startsWith("arlig-start@" + (y + 2) + "-08-15T0");
    }

    @Test
    void aYearWithoutDifferentiation_runsOnlyTheLimitedAnalysis_andTheTimerDoesNotStartASecondRound() {
        int y = oddYearAhead();
        CurrentUser leader = user(DemoUsers.PROJECT_LEADER);
        long helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
        followUpService.start(user(DemoUsers.CASE_HANDLER), helgeland, "Svak utvikling i målbedriftene.");
        await().atMost(Duration.ofSeconds(20)).until(() -> !followUps.findAll().isEmpty());

        DiffRound manual = service.startManually(leader, y);
        assertThat(manual.isDifferentiation()).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> service.find(manual.getId()).orElseThrow().getCompletedAt() != null);
        DiffRound r = service.find(manual.getId()).orElseThrow();
        assertThat(r.getStatus()).isEqualTo(RoundStatus.LIMITED);
        assertThat(r.getLimitedOperators()).contains("Helgeland");
        // the row is written in the job; the instance ends once the job's completion reaches the engine
        awaitEnded(r.getProcessInstanceKey());
        BpmnAssert.assertThat(new InspectedProcessInstance(r.getProcessInstanceKey())).isCompleted()
                .hasPassedElement("begrenset-ferdig").hasNotPassedElement("fastsette-kalender");
        assertThat(taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(DIFF, r.getId())).isEmpty();
        assertThat(mails(r.getId(), "limited").stream().map(OutboxMessage::getRecipient)).contains(leader.email());

        // The yearly timer in August finds the round already started and ends at once.
        moveTo(LocalDateTime.of(y, 8, 16, 12, 0));
        await().atMost(Duration.ofSeconds(20)).until(() -> EngineRecords.jobEventsOfType(engine, "differentiation.plan",
                JobIntent.COMPLETED) == 2);
        assertThat(service.rounds()).hasSize(1);
        assertThat(taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(DIFF, r.getId())).isEmpty();
    }

    @Autowired
    FollowUpService followUpService;
    @Autowired
    GrantSteps grantSteps;
}
