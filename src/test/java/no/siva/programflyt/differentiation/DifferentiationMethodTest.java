package no.siva.programflyt.differentiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.differentiation.scoring.ScoringEngine;
import no.siva.programflyt.differentiation.scoring.Unit;
import no.siva.programflyt.registry.GrantSteps;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.support.ProcessTestBase;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The method as data with the round: a frozen round keeps the method and the values it was analysed with, whatever the
 * project leader changes later; an operator without data is not ranked, does not block the freeze, and is placed on
 * its minimum step.
 */
@AutoConfigureMockMvc
class DifferentiationMethodTest extends ProcessTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    DifferentiationService service;
    @Autowired
    DifferentiationAnalysis analysis;
    @Autowired
    MethodService methods;
    @Autowired
    DiffRoundRepository rounds;
    @Autowired
    GrantModelService grantModels;
    @Autowired
    IndicatorImport imports;
    @Autowired
    OperatorRepository operators;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GrantSteps grantSteps;

    private long sogn;
    private long helgeland;

    @BeforeEach
    void models() {
        sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
        for (int first : new int[] {2029, 2031}) {
            TreeMap<Integer, BigDecimal> steps = new TreeMap<>();
            for (int s = 1; s <= 6; s++) {
                steps.put(s, BigDecimal.valueOf(1_000_000L + 500_000L * s));
            }
            grantModels.newVersion(first, steps, null, DemoUsers.PROJECT_LEADER);
        }
    }

    /** A round with the same values for the two demo operators: Sogn strong on activity, Helgeland on satisfaction. */
    private long analysedRound(int year) {
        long id = rounds.save(new DiffRound(year, true, DemoUsers.PROJECT_LEADER, clock.instant())).getId();
        StringBuilder csv = new StringBuilder("organisasjonsnummer;indikator;rapportår;verdi\n");
        for (Indicator i : service.indicators()) {
            if (!i.importable() || i.supporting()) {
                continue;
            }
            boolean activity = i.criterion() == Criterion.ACTIVITY;
            boolean satisfaction = i.criterion() == Criterion.SATISFACTION;
            var unit = i.unit();
            String strong = unit == Unit.SCALE ? "4,6"
                    : unit == Unit.ATTAINMENT ? "1,2" : "40";
            String weak = unit == Unit.SCALE ? "3,2"
                    : unit == Unit.ATTAINMENT ? "0,6" : "10";
            csv.append(DemoUsers.DEMO_OPERATORS.get(0)).append(';').append(i.code()).append(';').append(year - 1).append(';')
                    .append(satisfaction ? weak : strong).append('\n');
            csv.append(DemoUsers.DEMO_OPERATORS.get(1)).append(';').append(i.code()).append(';').append(year - 1).append(';')
                    .append(activity ? weak : strong).append('\n');
        }
        assertThat(imports.importCsv(user(DemoUsers.CASE_HANDLER), id, csv.toString().getBytes(StandardCharsets.UTF_8))
                .errors()).isEmpty();
        analysis.setMinimumAndPotential(user(DemoUsers.CASE_HANDLER), id, sogn, 3, 5);
        analysis.setMinimumAndPotential(user(DemoUsers.CASE_HANDLER), id, helgeland, 2, 4);
        return id;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(SecurityMockMvcRequestPostProcessors.user(user(DemoUsers.CASE_HANDLER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");   // a fresh token on every page
    }

    /**
     * Point 5 of the issue: the round stores its whole method when the analysis is frozen; changing a banding and the
     * weights afterwards changes the next round, never this one -- its results, its live scores and its pages.
     */
    @Test
    void changingTheMethodNeverChangesAFrozenRound() throws Exception {
        long id = analysedRound(2028);
        analysis.freeze(id, DemoUsers.CASE_HANDLER);
        Map<Long, DifferentiationAnalysis.OperatorResult> before = analysis.resultsByOperator(id);
        List<ScoringEngine.Result> liveBefore = analysis.liveScores(id);
        String pageBefore = page("/differentiation/" + id);
        String operatorBefore = page("/differentiation/" + id + "/operator/" + sogn);
        assertThat(jdbc.sql("select method_json from diff_round where id = ?").param(id).query(String.class).single())
                .contains("\"ktu.tilfredshet\"").contains("\"weights\"");

        // the project leader moves satisfaction up to 45 % and makes the KTU banding stricter
        Map<Criterion, String> weights = new EnumMap<>(Criterion.class);
        weights.put(Criterion.ACTIVITY, "10");
        weights.put(Criterion.SATISFACTION, "45");
        weights.put(Criterion.SUSTAINABILITY, "20");
        weights.put(Criterion.EXPORT, "10");
        weights.put(Criterion.GROWTH, "15");
        assertThat(methods.save(user(DemoUsers.PROJECT_LEADER), Map.of("ktu.tilfredshet", "0; 0,1; 0,2; 0,3"), weights,
                "Strengere KTU")).isEmpty();
        assertThat(methods.current().weights().weight(Criterion.SATISFACTION)).isEqualByComparingTo("0.45");

        Map<Long, DifferentiationAnalysis.OperatorResult> after = analysis.resultsByOperator(id);
        for (long op : List.of(sogn, helgeland)) {
            assertThat(after.get(op).weighted()).isEqualByComparingTo(before.get(op).weighted());
            assertThat(after.get(op).groups()).isEqualTo(before.get(op).groups());
            assertThat(after.get(op).reasons()).isEqualTo(before.get(op).reasons());
        }
        List<ScoringEngine.Result> liveAfter = analysis.liveScores(id);
        for (int i = 0; i < liveBefore.size(); i++) {
            assertThat(liveAfter.get(i).weighted()).isEqualByComparingTo(liveBefore.get(i).weighted());
            assertThat(liveAfter.get(i).indicators().stream().map(ScoringEngine.IndicatorScore::score).toList())
                    .isEqualTo(liveBefore.get(i).indicators().stream().map(ScoringEngine.IndicatorScore::score).toList());
        }
        assertThat(page("/differentiation/" + id)).isEqualTo(pageBefore);
        assertThat(page("/differentiation/" + id + "/operator/" + sogn)).isEqualTo(operatorBefore);

        // the step history, one table on the operator's page and on its page in the round
        grantSteps.record(sogn, 4, LocalDate.of(2029, 1, 1), GrantSteps.DIFFERENTIATION,
                id, "t");
        for (String path : List.of("/operators/" + sogn, "/differentiation/" + id + "/operator/" + sogn)) {
            assertThat(page(path)).as(path).contains("id=\"step-history\"").contains("fra 01.01.2029")
                    .contains("Differensieringen");
        }

        // the next round, analysed now, uses the new method: Helgeland (strong on satisfaction) gains
        long next = analysedRound(2030);
        analysis.freeze(next, DemoUsers.CASE_HANDLER);
        assertThat(analysis.resultsByOperator(next).get(helgeland).weighted())
                .isNotEqualByComparingTo(before.get(helgeland).weighted());
    }

    /** A weight sum other than 100 % or a banding that does not ascend: errors at the fields, nothing saved. */
    @Test
    void aMethodThatDoesNotAddUpIsNotSaved() throws Exception {
        var leader = SecurityMockMvcRequestPostProcessors.user(user(DemoUsers.PROJECT_LEADER));
        String page = mvc.perform(post("/differentiation/method").with(leader).with(csrf())
                .param("w.ACTIVITY", "30").param("w.SATISFACTION", "30").param("w.SUSTAINABILITY", "20")
                .param("w.EXPORT", "10").param("w.GROWTH", "15").param("b.ktu.tilfredshet", "0,5; 0,2; 0,8; 1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Vektene må til sammen være 100 %.")
                .contains("Skriv fire stigende tall skilt med semikolon").contains("value=\"0,5; 0,2; 0,8; 1\"");
        assertThat(methods.currentVersion()).isEmpty();
        mvc.perform(post("/differentiation/method").with(SecurityMockMvcRequestPostProcessors.user(user(DemoUsers.CASE_HANDLER)))
                .with(csrf()).param("w.ACTIVITY", "30")).andExpect(status().isForbidden());
    }

    /**
     * Point 7: a newly admitted operator without data for a criterion does not block the freeze; it is "not ranked"
     * with the reason, and placed on its minimum step.
     */
    @Test
    void aNewOperatorWithoutDataIsNotRanked_andTakesItsMinimumStep() {
        Operator fresh = operators.save(new Operator("912346102", "Ny Næringshage AS", "46", OperatorStatus.ACTIVE,
                "Sara Saksbehandler", clock.instant()));
        long id = analysedRound(2028);
        assertThat(analysis.analysisProblems(id)).singleElement().asString()
                .contains("Ny Næringshage AS").contains("ikke rangert").contains("minimum er ikke satt");
        analysis.setMinimumAndPotential(user(DemoUsers.CASE_HANDLER), id, fresh.getId(), 2, 2);
        assertThat(analysis.analysisProblems(id)).isEmpty();
        analysis.freeze(id, DemoUsers.CASE_HANDLER);
        DifferentiationAnalysis.OperatorResult r = analysis.resultsByOperator(id).get(fresh.getId());
        assertThat(r.ranked()).isFalse();
        assertThat(r.notRankedReason()).contains("aktivitet").contains("kundetilfredshet og addisjonalitet");
        assertThat(r.totalGroup()).isNull();
        assertThat(r.proposedStep()).isEqualTo(2);
        assertThat(r.reasons()).startsWith("Ikke rangert:");
        // the two ranked operators are grouped between themselves
        assertThat(analysis.resultsByOperator(id).get(sogn).totalGroup()).isNotNull();
        Assertions.assertThatThrownBy(() -> analysis.setProposedSteps(user(DemoUsers.CASE_HANDLER), id,
                "46", Map.of(fresh.getId(), 4))).isInstanceOf(BusinessRuleException.class);
    }
}
