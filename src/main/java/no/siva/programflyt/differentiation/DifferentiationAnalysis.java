package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.Development;
import no.siva.programflyt.differentiation.scoring.Method;
import no.siva.programflyt.differentiation.scoring.ScoringEngine;
import no.siva.programflyt.differentiation.scoring.Soundness;
import no.siva.programflyt.differentiation.scoring.ThreeYears;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round's analysis (guide §15.2): the indicator values it works on, the scores computed from them with the round's
 * method, each operator's minimum, potential and proposed step, and the analysis frozen with everything it used. The
 * round itself, its calendar and its counties are {@link DifferentiationService}'s.
 */
@Service
public class DifferentiationAnalysis {

    /** An operator's frozen result and placement in a round. */
    public record OperatorResult(long operatorId, String name, String orgNumber, String countyCode, BigDecimal weighted,
                                 BigDecimal unweighted, Integer totalGroup, Map<Criterion, Integer> groups,
                                 Map<Criterion, BigDecimal> scores, boolean soundnessWarning, int negativeAreas,
                                 Integer currentStep, Integer minimumStep, Integer potentialStep, Integer proposedStep,
                                 String reasons, Instant notifiedAt, Long letterDocumentId, String notRankedReason,
                                 String development, String soundness, String negativeCriteria) {
        public boolean ranked() {
            return notRankedReason == null;
        }
    }

    /** A stored indicator value and where it came from (IMPORT, SIVA or PROGRAMFLYT). */
    public record Value(BigDecimal value, String source) {}

    /**
     * What an analysis works on: per operator, report year and indicator code, the value and its source. Before the
     * analysis is frozen Programflyt's own values are added (they win where Programflyt has them); after it, exactly
     * what was frozen.
     */
    public record Inputs(Map<Long, Map<Integer, Map<String, Value>>> byOperator) {
        public Map<Integer, Map<String, BigDecimal>> values(long operatorId) {
            Map<Integer, Map<String, BigDecimal>> m = new HashMap<>();
            byOperator.getOrDefault(operatorId, Map.of()).forEach((year, codes) -> {
                Map<String, BigDecimal> v = new HashMap<>();
                codes.forEach((code, value) -> v.put(code, value.value()));
                m.put(year, v);
            });
            return m;
        }

        public Map<Integer, Map<String, Value>> of(long operatorId) {
            return byOperator.getOrDefault(operatorId, Map.of());
        }
    }

    /** An operator whose limited analysis belongs to a year: its follow-up case, when it is due, and why. */
    public record LimitedCase(long caseId, long operatorId, String name, LocalDate analysisDue, LocalDate flaggedOn,
                              String outcome) {}

    private final Clock clock;
    private final DifferentiationService rounds;
    private final OperatorRepository operators;
    private final GrantModelService grantModels;
    private final MethodService methods;
    private final DerivedValues derived;
    private final IndicatorValues values;
    private final DiffResults results;
    private final LimitedCases limited;
    private final AuditService audit;

    DifferentiationAnalysis(Clock clock, DifferentiationService rounds,
                            OperatorRepository operators, GrantModelService grantModels, MethodService methods,
                            DerivedValues derived, IndicatorValues values, DiffResults results, LimitedCases limited,
                            AuditService audit) {
        this.clock = clock;
        this.rounds = rounds;
        this.operators = operators;
        this.grantModels = grantModels;
        this.methods = methods;
        this.derived = derived;
        this.values = values;
        this.results = results;
        this.limited = limited;
        this.audit = audit;
    }

    /** The stored values of a round: per operator, report year and code, with their source. */
    @Transactional(readOnly = true)
    public Inputs stored(long roundId) {
        return values.ofRound(roundId);
    }

    /** The values the round's analysis works on (see {@link Inputs}). */
    @Transactional(readOnly = true)
    public Inputs inputs(long roundId) {
        DiffRound r = rounds.get(roundId);
        Inputs stored = stored(roundId);
        if (r.getAnalysisDoneAt() != null) {
            return stored;
        }
        Map<Long, Map<Integer, Map<String, Value>>> m = new HashMap<>();
        stored.byOperator().forEach((op, years) -> years
                .forEach((y, codes) -> m.computeIfAbsent(op, k -> new HashMap<>()).computeIfAbsent(y, k -> new HashMap<>()).putAll(codes)));
        Set<Long> inRound = new HashSet<>(rounds.participants().stream().map(Operator::getId).toList());
        for (int y : DifferentiationService.reportYears(r)) {
            Map<Long, Map<String, BigDecimal>> storedYear = new HashMap<>();
            for (long op : inRound) {
                storedYear.put(op, stored.values(op).getOrDefault(y, Map.of()));
            }
            int year = y;
            derived.forYear(y, storedYear).forEach((op, values) -> {
                if (inRound.contains(op)) {
                    values.forEach((code, v) -> m.computeIfAbsent(op, k -> new HashMap<>())
                            .computeIfAbsent(year, k -> new HashMap<>()).put(code, new Value(v, "PROGRAMFLYT")));
                }
            });
        }
        return new Inputs(m);
    }

    /**
     * Stores values (indicator code to value; null removes it) for one operator and report year; refused once the
     * analysis is frozen, and for a year that is not one of the round's three report years.
     */
    @Transactional
    public void setValues(CurrentUser user, long roundId, long operatorId, int reportYear, Map<String, BigDecimal> values,
                          String source) {
        DiffRound r = rounds.load(roundId);
        DifferentiationAccess.requireSiva(user);
        if (r.getAnalysisDoneAt() != null) {
            throw new BusinessRuleException("differentiation.error.frozen");
        }
        List<Integer> years = DifferentiationService.reportYears(r);
        if (!years.contains(reportYear)) {
            throw new BusinessRuleException("differentiation.error.reportYear", years.get(0), years.get(2));
        }
        values.forEach((code, value) -> {
            if (value == null) {
                this.values.remove(roundId, operatorId, reportYear, code);
            } else {
                this.values.put(roundId, operatorId, reportYear, code, value, source, user.username(), clock.instant());
            }
        });
    }

    /**
     * The scores computed from the round's inputs with the round's method: before the analysis is frozen over the
     * operators in the programme, after it over the operators it froze, with the frozen method and values, so they
     * equal what was decided whatever the method says today.
     */
    @Transactional(readOnly = true)
    public List<ScoringEngine.Result> liveScores(long roundId) {
        DiffRound r = rounds.get(roundId);
        Inputs in = inputs(roundId);
        boolean frozen = r.getAnalysisDoneAt() != null;
        List<Operator> scored = frozen
                ? operators.findAllById(results(roundId).stream().map(OperatorResult::operatorId).toList()) : rounds.participants();
        Method m = rounds.method(r);
        return new ScoringEngine(m).score(scoringData(scored, in, m, r.getYear() - 1));
    }

    /** What the scoring engine works on: each operator's latest report year, with the changes the method computes. */
    private static List<ScoringEngine.OperatorData> scoringData(List<Operator> scored, Inputs in, Method m, int latestYear) {
        return scored.stream().map(o -> new ScoringEngine.OperatorData(o.getId(), o.getName(),
                ThreeYears.scored(m.indicators(), in.values(o.getId()), latestYear))).toList();
    }

    /** Each indicator's change over the round's report years for one operator, by the round's method {@code m}. */
    public Map<String, ThreeYears.Change> changes(DiffRound r, Method m, Inputs in, long operatorId) {
        return ThreeYears.changes(m.indicators(), in.values(operatorId), r.getYear() - 1);
    }

    /** The soundness warnings (§15.2.6) for one operator's inputs, by the round's method {@code m}. */
    public List<String> soundness(DiffRound r, Method m, Inputs in, long operatorId) {
        return Soundness.warnings(in.values(operatorId), DifferentiationService.reportYears(r), m.thresholds());
    }

    /** Minimum and potential step (set in the analysis) for an operator. */
    @Transactional
    public void setMinimumAndPotential(CurrentUser user, long roundId, long operatorId, Integer minimum, Integer potential) {
        DiffRound r = rounds.load(roundId);
        DifferentiationAccess.requireSiva(user);
        if (r.getNotifiedAt() != null) {
            throw new BusinessRuleException("differentiation.error.notified");
        }
        if (minimum != null && potential != null && potential < minimum) {
            throw new BusinessRuleException("differentiation.error.potentialBelowMinimum");
        }
        results.place(roundId, operatorId, minimum, potential, LocalDate.now(clock));
    }

    /**
     * The proposed steps of a county's operators, all or none. Open until the proposal is sent to the county, and
     * again when the county asks for changes; what the county answered is what the operators are told.
     */
    @Transactional
    public void setProposedSteps(CurrentUser user, long roundId, String countyCode, Map<Long, Integer> steps) {
        DiffRound r = rounds.load(roundId);
        DifferentiationAccess.requireSiva(user);
        if (r.getNotifiedAt() != null) {
            throw new BusinessRuleException("differentiation.error.notified");
        }
        if (r.getAnalysisDoneAt() == null) {
            throw new BusinessRuleException("differentiation.error.frozenFirst");
        }
        if (!proposalOpen(roundId, countyCode)) {
            throw new BusinessRuleException("differentiation.error.proposalSent");
        }
        Map<Long, OperatorResult> inCounty = new HashMap<>();
        results(roundId, countyCode).forEach(o -> inCounty.put(o.operatorId(), o));
        steps.forEach((operatorId, step) -> {
            if (!inCounty.containsKey(operatorId)) {
                throw new NotFoundException("operator " + operatorId + " in county " + countyCode);
            }
            OperatorResult o = inCounty.get(operatorId);
            if (!o.ranked() && step != null && !step.equals(o.minimumStep())) {
                throw new BusinessRuleException("differentiation.error.notRankedMinimum", o.name(), o.minimumStep());
            }
            results.propose(roundId, operatorId, step);
        });
    }

    /** Siva may change a county's proposal: not yet sent, or sent back by the county with a request for changes. */
    public boolean proposalOpen(long roundId, String countyCode) {
        return rounds.county(roundId, countyCode).map(c -> c.proposalSentAt() == null || "endring".equals(c.feedback()))
                .orElse(true);
    }

    /**
     * What keeps the analysis from being frozen: a ranked operator without a minimum and a potential step, an operator
     * that is not ranked (no data for a criterion, e.g. newly admitted) without a minimum step. Missing data does not
     * block the round: such an operator is marked "not ranked" with the reason and placed on its minimum step.
     */
    @Transactional(readOnly = true)
    public List<String> analysisProblems(long roundId) {
        return analysisProblems(roundId, liveScores(roundId));
    }

    /** The same, for scores already computed (a page shows both). */
    @Transactional(readOnly = true)
    public List<String> analysisProblems(long roundId, List<ScoringEngine.Result> live) {
        List<String> problems = new ArrayList<>();
        Map<Long, OperatorResult> placed = resultsByOperator(roundId);
        for (ScoringEngine.Result s : live) {
            OperatorResult p = placed.get(s.operatorId());
            if (s.complete() && (p == null || p.minimumStep() == null || p.potentialStep() == null)) {
                problems.add(s.name() + ": minimum og potensial er ikke satt");
            } else if (!s.complete() && (p == null || p.minimumStep() == null)) {
                problems.add(s.name() + ": ikke rangert (" + notRankedReason(s) + "); minimum er ikke satt");
            }
        }
        return problems;
    }

    /** Why an operator is not ranked: the criteria it has no data for. */
    static String notRankedReason(ScoringEngine.Result s) {
        return "mangler data for "
                + String.join(", ", s.missing().stream().map(c -> c.label().toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * Freezes the analysis: the method (catalogue, bandings, weights, thresholds) and every value it used, Programflyt's
     * own included, are stored with the round; the scores, groups, development, soundness warnings and reasons as they
     * are now. Later changes to the method or the values change nothing in this round.
     */
    @Transactional
    public void freeze(long roundId, String by) {
        DiffRound r = rounds.load(roundId);
        if (r.getAnalysisDoneAt() != null) {
            return;
        }
        Method m = methods.current();
        Inputs in = inputs(roundId);
        in.byOperator().forEach((op, years) -> years.forEach((y, codes) -> codes.forEach((code, v) -> {
            if ("PROGRAMFLYT".equals(v.source())) {
                values.put(roundId, op, y, code, v.value(), v.source(), AuditService.SYSTEM, clock.instant());
            }
        })));
        r.methodFrozen(methods.write(m));
        int latest = r.getYear() - 1;
        Formats f = new Formats();
        for (ScoringEngine.Result s : new ScoringEngine(m).score(scoringData(rounds.participants(), in, m, latest))) {
            Map<Criterion, Development.CriterionDevelopment> dev = Development.of(m.indicators(),
                    ThreeYears.changes(m.indicators(), in.values(s.operatorId()), latest), m.thresholds().declineTolerancePercent());
            List<Criterion> negative = Development.negative(dev);
            List<String> soundness = Soundness.warnings(in.values(s.operatorId()), DifferentiationService.reportYears(r), m.thresholds());
            String notRanked = s.complete() ? null : notRankedReason(s);
            results.freeze(roundId, new DiffResults.Frozen(s, !soundness.isEmpty(), negative.size(),
                    Reasons.of(s, soundness, notRanked), soundness.isEmpty() ? null : String.join("\n", soundness),
                    Reasons.development(dev, f),
                    negative.isEmpty() ? null : String.join(",", negative.stream().map(Enum::name).toList()), notRanked));
        }
        long model = grantModels.latest(r.getYear() + 1).map(GrantModelService.GrantModel::id)
                .orElseThrow(() -> new BusinessRuleException("differentiation.error.noGrantModel", r.getYear() + 1));
        r.analysisDone(by, model, clock.instant());
        audit.record(by, "DIFF_ANALYSIS_DONE", DifferentiationService.CASE_TYPE, roundId, String.valueOf(r.getYear()),
                "Differensieringsanalysen er fullført og låst for " + rounds.participants().size() + " operatører", null);
    }

    /** A round's results, the highest weighted score first. */
    @Transactional(readOnly = true)
    public List<OperatorResult> results(long roundId) {
        return results.ofRound(roundId);
    }

    public Map<Long, OperatorResult> resultsByOperator(long roundId) {
        Map<Long, OperatorResult> m = new LinkedHashMap<>();
        results(roundId).forEach(r -> m.put(r.operatorId(), r));
        return m;
    }

    public List<OperatorResult> results(long roundId, String countyCode) {
        return results(roundId).stream().filter(r -> r.countyCode().equals(countyCode)).toList();
    }

    /** The sum of the proposed steps' amounts of a county's operators (null steps count as nothing). */
    public BigDecimal proposedSum(DiffRound r, String countyCode) {
        if (r.getGrantModelId() == null) {
            return BigDecimal.ZERO;
        }
        GrantModelService.GrantModel model = grantModels.load(r.getGrantModelId());
        return results(r.getId(), countyCode).stream().map(o -> model.amount(o.proposedStep()))
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The operators of a year's limited analysis (§7.1): flagged by the previous year's analysis, or with a limited
     * analysis due in the year, open or already concluded; and open follow-ups not yet concluded (not yet scheduled).
     */
    @Transactional(readOnly = true)
    public List<LimitedCase> limitedCases(int year) {
        return limited.ofYear(year);
    }
}
