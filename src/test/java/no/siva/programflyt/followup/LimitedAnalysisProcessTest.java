package no.siva.programflyt.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.differentiation.DiffRoundRepository;
import no.siva.programflyt.differentiation.DifferentiationAnalysis;
import no.siva.programflyt.differentiation.DifferentiationService;
import no.siva.programflyt.differentiation.GrantModelService;
import no.siva.programflyt.registry.GrantSteps;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.LimitedAnalysis;
import no.siva.programflyt.support.IndicatorData;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Guide §7.1: «Dersom det i disse analysene avdekkes behov for særskilt oppfølging, iverksetter Siva oppfølging det
 * kommende året. Videre gjennomføres det en begrenset differensieringsanalyse av disse etter ett år for å bestemme
 * hvorvidt disse skal settes ned i tilskudd, være på samme nivå eller tas ut av program.» On the engine clock: three
 * operators flagged by the analysis of 28.09.2026, concluded to continue in October; the limited analysis opens on
 * 28.09.2027 (a year after the analysis, not after the conclusion), concludes on the year's scores against the
 * programme level, and ends three ways.
 */
@TestDate("2026-09-01")
class LimitedAnalysisProcessTest extends ProcessTestBase {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String FU = FollowUpService.CASE_TYPE;

    @Autowired
    FollowUpService service;
    @Autowired
    FollowUpWork followUpWork;
    @Autowired
    FollowUpTriggers triggers;
    @Autowired
    FollowUpCaseRepository cases;
    @Autowired
    OperatorRepository operators;
    @Autowired
    DifferentiationService differentiation;
    @Autowired
    DifferentiationAnalysis roundAnalysis;
    @Autowired
    DiffRoundRepository rounds;
    @Autowired
    GrantModelService grantModels;
    @Autowired
    GrantSteps grantSteps;
    @Autowired
    LimitedAnalysis limitedAnalysis;

    private void moveTo(LocalDateTime t) {
        moveClockTo(t.atZone(OSLO).toInstant());
    }

    private CurrentUser siva() {
        return user(DemoUsers.CASE_HANDLER);
    }

    private FollowUpCase caseOf(long operatorId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> cases.findOpen(operatorId), Optional::isPresent)
                .orElseThrow();
    }

    private void continueCase(long caseId) {
        followUpWork.recordMeeting(siva(), caseId, today(), "DIGITALT", "Siva, fylket, daglig leder",
                "Gjennomgang av resultatene fra differensieringen.");
        Map<String, Integer> scores = new HashMap<>();
        followUpWork.areas().keySet().forEach(a -> scores.put(a, 2));
        followUpWork.saveScoreboard(siva(), caseId, scores, Map.of());
        followUpWork.addMeasure(siva(), caseId, "Plan for flere målbedrifter", "Daglig leder", LocalDate.of(2026, 12, 1));
        UserTask work = awaitOpenTask(FU, caseId, "gjennomfore-oppfolging");
        assertThat(complete(siva(), work, Map.of("vurdering", "Negativ utvikling på flere områder.", "konklusjon", "fortsette",
                "begrunnelse", "Tiltak avtalt.")).valid()).isTrue();
        UserTask measure = awaitOpenTask(FU, caseId, "folge-opp-tiltak");
        assertThat(complete(siva(), measure, Map.of("gjennomfort", "true", "kommentar", "Planen er laget.")).valid()).isTrue();
    }

    @Test
    void aYearAfterTheFlaggingAnalysis_lowerGrant_sameLevel_orOutOfTheProgramme() {
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        long helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
        long third = operators.save(new Operator("912346102", "Tredje Næringshage AS", "46", OperatorStatus.ACTIVE,
                "Sara Saksbehandler", clock.instant())).getId();
        grantSteps.record(sogn, 4, LocalDate.of(2026, 1, 1), GrantSteps.DIFFERENTIATION, null, "t");
        TreeMap<Integer, BigDecimal> steps = new TreeMap<>();
        for (int s = 1; s <= 6; s++) {
            steps.put(s, BigDecimal.valueOf(1_000_000L + 500_000L * s));
        }
        grantModels.newVersion(2027, steps, null, DemoUsers.PROJECT_LEADER);

        // The 2026 analysis, frozen on 28.09.2026, flags the three (as the round's flagging step does)
        moveTo(LocalDateTime.of(2026, 9, 28, 10, 0));
        long round = IndicatorData.roundWithValues(differentiation, roundAnalysis, rounds, siva(), clock.instant(), 2026,
                Map.of(sogn, 3, helgeland, 2, third, 2));
        for (long op : List.of(sogn, helgeland, third)) {
            roundAnalysis.setMinimumAndPotential(siva(), round, op, 2, 4);
        }
        roundAnalysis.freeze(round, DemoUsers.CASE_HANDLER);
        LocalDate analysed = LocalDate.of(2026, 9, 28);
        for (long op : List.of(sogn, helgeland, third)) {
            triggers.publish(op, TriggerType.DIFFERENTIATION, "Negativ utvikling på tre kriterier", "differensiering-2026-" + op,
                    "system", round, analysed);
        }
        // the follow-ups conclude to continue in mid-October
        moveTo(LocalDateTime.of(2026, 10, 15, 10, 0));
        Map<Long, Long> caseIds = new HashMap<>();
        for (long op : List.of(sogn, helgeland, third)) {
            FollowUpCase c = caseOf(op);
            assertThat(c.getFlaggedOn()).isEqualTo(analysed);
            assertThat(c.getFlaggedByRoundId()).isEqualTo(round);
            caseIds.put(op, c.getId());
            continueCase(c.getId());
        }
        for (long caseId : caseIds.values()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> cases.findById(caseId).orElseThrow().getAnalysisDue() != null);
            // a year after the analysis, not a year after the conclusion (15.10.2027)
            assertThat(cases.findById(caseId).orElseThrow().getAnalysisDue()).isEqualTo(LocalDate.of(2027, 9, 28));
        }

        // the day before: nothing; on the day: the three limited analyses
        moveTo(LocalDateTime.of(2027, 9, 27, 12, 0));
        caseIds.values().forEach(caseId -> assertThat(findOpen(FU, caseId, "begrenset-analyse")).isEmpty());
        moveTo(LocalDateTime.of(2027, 9, 28, 9, 0));
        UserTask lower = awaitOpenTask(FU, caseIds.get(sogn), "begrenset-analyse");
        UserTask same = awaitOpenTask(FU, caseIds.get(helgeland), "begrenset-analyse");
        UserTask out = awaitOpenTask(FU, caseIds.get(third), "begrenset-analyse");

        // a real analysis: not before the year's values give scores; then scores against the programme level,
        // beside those of the flagging analysis
        assertThat(complete(siva(), same, Map.of("resultat", "samme-niva", "begrunnelse", "x")).errors()).containsOnlyKeys("resultat");
        IndicatorData.roundWithValues(differentiation, roundAnalysis, rounds, siva(), clock.instant(), 2027,
                Map.of(sogn, 3, helgeland, 4, third, 1));
        LimitedAnalysis.Result analysis = limitedAnalysis.of(helgeland, round, 2027, today());
        assertThat(analysis.complete()).isTrue();
        assertThat(analysis.year()).isEqualTo(2027);
        assertThat(analysis.weightedFlagged()).isNotEqualTo(analysis.weightedYear());
        assertThat(analysis.currentStep()).isNull();
        assertThat(tasks.panelOf(same).fragment()).isEqualTo("limitedAnalysis");

        // lower grant: the new step is required and below today's; it applies from 1 January
        assertThat(complete(siva(), lower, Map.of("resultat", "redusert-tilskudd", "begrunnelse", "Svak utvikling."))
                .errors()).containsOnlyKeys("nyttTrinn");
        assertThat(complete(siva(), lower, Map.of("resultat", "redusert-tilskudd", "nyttTrinn", "4", "begrunnelse", "Svak utvikling."))
                .errors().get("nyttTrinn")).contains("lavere enn dagens trinn 4");
        assertThat(complete(siva(), lower, Map.of("resultat", "redusert-tilskudd", "nyttTrinn", "3",
                "begrunnelse", "Svak utvikling, men i bedring.")).valid()).isTrue();
        assertThat(complete(siva(), same, Map.of("resultat", "samme-niva", "begrunnelse", "Tiltakene virker.")).valid()).isTrue();
        assertThat(complete(siva(), out, Map.of("resultat", "ut-av-programmet", "begrunnelse", "Ingen bedring.")).valid()).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> cases.findById(caseIds.get(sogn)).orElseThrow().isClosed()
                && cases.findById(caseIds.get(helgeland)).orElseThrow().isClosed());
        FollowUpCase lowered = cases.findById(caseIds.get(sogn)).orElseThrow();
        assertThat(lowered.getAnalysisOutcome()).isEqualTo("REDUCED_GRANT");
        assertThat(lowered.getAnalysisNewStep()).isEqualTo(3);
        assertThat(lowered.getAnalysisResult()).startsWith("Begrenset analyse 2027: vektet score");
        assertThat(grantSteps.on(sogn, LocalDate.of(2027, 12, 31))).contains(4);
        assertThat(grantSteps.on(sogn, LocalDate.of(2028, 1, 1))).contains(3);
        assertThat(cases.findById(caseIds.get(helgeland)).orElseThrow().getAnalysisOutcome()).isEqualTo("SAME_LEVEL");
        assertThat(operators.findById(helgeland).orElseThrow().getStatus()).isEqualTo(OperatorStatus.ACTIVE);
        // out of the programme: to the county's consultation before anything is revoked
        UserTask consultation = awaitOpenTask(FU, caseIds.get(third), "samrad-fylket");
        assertThat(consultation.candidateGroupList()).containsExactly("fylke-46");
        assertThat(cases.findById(caseIds.get(third)).orElseThrow().isClosed()).isFalse();
        assertThat(operators.findById(third).orElseThrow().getStatus()).isEqualTo(OperatorStatus.IN_FOLLOW_UP);
        // the year's limited round lists the three with their outcomes
        assertThat(roundAnalysis.limitedCases(2027)).extracting(DifferentiationAnalysis.LimitedCase::operatorId)
                .containsExactlyInAnyOrder(sogn, helgeland, third);
    }
}
