package no.siva.programflyt.differentiation;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.Development;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.differentiation.scoring.Method;
import no.siva.programflyt.differentiation.scoring.ScoringEngine;
import no.siva.programflyt.differentiation.scoring.Soundness;
import no.siva.programflyt.differentiation.scoring.ThreeYears;
import no.siva.programflyt.processes.EngineCommands;
import no.siva.programflyt.processes.ProcessMessage;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.shared.AfterCommit;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.ProgrammePeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The differentiation round's case data (guide §7, §15): the round and its calendar, the indicator values, the frozen
 * analysis with each operator's minimum, potential and proposed step, and each county's frame and feedback.
 */
@Service
public class DifferentiationService {

    public static final String PROCESS_ID = "differentiation-cycle";
    public static final String COUNTY_PROCESS_ID = "differentiation-county";
    public static final String CASE_TYPE = "DIFFERENTIATION";
    /** Round-wide events each county's instance waits for, keyed by round and county. */
    public static final ProcessMessage BUDGET_MESSAGE = ProcessMessage.caught("statsbudsjett-fremlagt",
            "=string(roundId) + \"-\" + countyCode");
    public static final ProcessMessage MODELS_MESSAGE = ProcessMessage.caught("modeller-gjennomgatt",
            "=string(roundId) + \"-\" + countyCode");

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

    /** One county's part of a round. */
    public record CountyRow(String countyCode, LocalDate meetingHeldOn, String meetingNotes, BigDecimal frameNok,
                            String frameBy, Instant frameAt, Instant proposalSentAt, String feedback,
                            String reservations, String feedbackBy, Instant feedbackAt) {
        public boolean accepted() {
            return "godkjent".equals(feedback);
        }
    }

    private final DiffRoundRepository rounds;
    private final DifferentiationProperties config;
    private final OperatorRepository operators;
    private final GrantModelService grantModels;
    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Labels labels;
    private final CamundaClient client;
    private final EngineCommands engine;
    private final TransactionTemplate tx;

    private final Clock clock;
    private final ProgrammePeriod programme;
    private final MethodService methods;
    private final DerivedValues derived;

    public DifferentiationService(Clock clock, ProgrammePeriod programme, DiffRoundRepository rounds,
                                  DifferentiationProperties config,
                                  OperatorRepository operators, GrantModelService grantModels, JdbcClient jdbc,
                                  AuditService audit, Labels labels, CamundaClient client, EngineCommands engine,
                                  TransactionTemplate tx, MethodService methods, DerivedValues derived) {
        this.clock = clock;
        this.methods = methods;
        this.derived = derived;
        this.programme = programme;
        this.rounds = rounds;
        this.config = config;
        this.operators = operators;
        this.grantModels = grantModels;
        this.jdbc = jdbc;
        this.audit = audit;
        this.labels = labels;
        this.client = client;
        this.engine = engine;
        this.tx = tx;
    }

    public DifferentiationProperties config() {
        return config;
    }

    /** The indicators of the method the next analysis uses (the project leader's newest version). */
    public List<Indicator> indicators() {
        return methods.current().indicators();
    }

    /** The method of a round: frozen with its analysis, else the project leader's current one. */
    public Method method(DiffRound r) {
        if (r.getMethodJson() != null) {
            return methods.read(r.getMethodJson());
        }
        // a round frozen before the method was kept with it: the deployment's method, never the project leader's
        // later versions (its decided results are the stored ones)
        return r.getAnalysisDoneAt() != null ? methods.defaults() : methods.current();
    }

    /** The round's report years, the latest last (guide §15.2: the latest report year and the change over three). */
    public static List<Integer> reportYears(DiffRound r) {
        return ThreeYears.reportYears(r.getYear());
    }

    // ---- rounds ----------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<DiffRound> rounds() {
        return rounds.findAllByOrderByYearDesc();
    }

    @Transactional(readOnly = true)
    public Optional<DiffRound> find(long id) {
        return rounds.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<DiffRound> byYear(int year) {
        return rounds.findByYear(year);
    }

    public DiffRound load(long id) {
        return rounds.lockById(id).orElseThrow(() -> new NotFoundException("round " + id));
    }

    /** The project leader starts the year's round by hand (the timer does it every 15 August). */
    public DiffRound startManually(CurrentUser user, int year) {
        if (!user.has(Role.SIVA_PROSJEKTLEDER)) {
            throw new AccessDeniedException("project leaders start rounds");
        }
        int now = LocalDate.now(clock).getYear();
        if (year < now - 1 || year > now + 2) {
            throw new BusinessRuleException("differentiation.error.year", now - 1, now + 2);
        }
        if (year + 1 > programme.end().getYear()) {   // a round places operators on a step for the year after it
            throw new BusinessRuleException("differentiation.error.afterProgramme", year, new Formats().date(programme.end()));
        }
        DiffRound r = tx.execute(s -> {
            if (rounds.findByYear(year).isPresent()) {
                throw new BusinessRuleException("differentiation.error.roundExists", year);
            }
            DiffRound created = rounds.save(new DiffRound(year, config.isDifferentiationYear(year), user.username(), clock.instant()));
            audit.record(user.username(), "DIFF_ROUND_STARTED", CASE_TYPE, created.getId(), String.valueOf(year),
                    (created.isDifferentiation() ? "Differensieringsrunde " : "Begrenset analyse ") + year
                            + " startet av prosjektleder",
                    null);
            return created;
        });
        long key;
        try {
            key = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
                    .variables(Map.of("roundId", r.getId(), "year", year)).send().join().getProcessInstanceKey();
        } catch (RuntimeException e) {   // nothing half-saved: the round goes again
            tx.executeWithoutResult(s -> {
                jdbc.sql("delete from audit_event where case_type = ? and case_id = ?").params(CASE_TYPE, r.getId()).update();
                rounds.deleteById(r.getId());
            });
            throw e;
        }
        return tx.execute(s -> {
            jdbc.sql("update diff_round set process_instance_key = ? where id = ? and process_instance_key is null")
                    .params(key, r.getId()).update();
            return rounds.findById(r.getId()).orElseThrow();
        });
    }

    /**
     * The first step of every instance: the round of the year (the timer's instance creates it; a manual start
     * brings its id). An instance for a year that already has a round under another instance is a duplicate.
     */
    @Transactional
    public Map<String, Object> plan(Long roundId, int engineYear, long processInstanceKey) {
        long id;
        if (roundId == null && engineYear + 1 > programme.end().getYear()) {
            // the round places operators on a grant step for the next year: none after «Næringshageprogrammet 2023–2032»
            // once per year, however often the job is delivered
            audit.recordOnce(AuditService.SYSTEM, "DIFF_AFTER_PROGRAMME", CASE_TYPE, 0L, String.valueOf(engineYear),
                    "Ingen differensieringsrunde for " + engineYear + ": programmet slutter " + new Formats().date(programme.end()),
                    String.valueOf(engineYear));
            return Map.of("duplicate", false, "programmeEnded", true);
        }
        if (roundId != null) {
            id = roundId;
        } else {
            jdbc.sql("insert into diff_round (round_year, differentiation, status, started_by, started_at) "
                    + "values (?, ?, ?, ?, ?) on conflict (round_year) do nothing")
                    .params(engineYear, config.isDifferentiationYear(engineYear),
                            (config.isDifferentiationYear(engineYear) ? RoundStatus.CALENDAR : RoundStatus.LIMITED).name(),
                            AuditService.SYSTEM, Timestamp.from(clock.instant()))
                    .update();
            id = rounds.findByYear(engineYear).orElseThrow().getId();
        }
        // one instance runs a round: the first to claim it (the same instance again on a redelivered job)
        int claimed = jdbc.sql("update diff_round set process_instance_key = ? where id = ? "
                + "and (process_instance_key is null or process_instance_key = ?)")
                .params(processInstanceKey, id, processInstanceKey).update();
        if (claimed == 0) {
            audit.recordOnce(AuditService.SYSTEM, "DIFF_ROUND_DUPLICATE", CASE_TYPE, id, String.valueOf(engineYear),
                    "Den årlige starten fant runden for " + engineYear + " allerede startet", String.valueOf(processInstanceKey));
            return Map.of("duplicate", true, "roundId", id, "programmeEnded", false);
        }
        DiffRound r = load(id);
        Map<String, Object> v = new HashMap<>();
        v.put("duplicate", false);
        v.put("programmeEnded", false);
        v.put("roundId", r.getId());
        v.put("caseId", r.getId());
        v.put("businessKey", String.valueOf(r.getYear()));
        v.put("year", r.getYear());
        v.put("differentiation", r.isDifferentiation());
        v.put("calendarDueAt", Formats.iso(config.defaultDate("informasjonsmote", r.getYear()).minusDays(7), 16, 0));
        return v;
    }

    /** The calendar's dates for the engine: per step the due date, the reminder and the escalation. */
    public Map<String, Object> dateVariables(DiffRound r) {
        Map<String, Object> dates = new LinkedHashMap<>();
        r.calendar().forEach((step, d) -> {
            if (d != null && "programstyret".equals(step)) {
                // the board's task opens at 09:00 on its date: reminded at noon, due at the end of the day
                dates.put(step, Map.of("startAt", Formats.iso(d, 9, 0), "dueAt", Formats.iso(d, 16, 0),
                        "remindAt", Formats.iso(d, 12, 0), "escalateAt", Formats.iso(d.plus(config.escalateAfter()), 8, 0)));
            } else if (d != null) {
                dates.put(step, Map.of("dueAt", Formats.iso(d, 9, 0), "remindAt", Formats.iso(d.minus(config.reminderBefore()), 8, 0),
                        "escalateAt", Formats.iso(d.plus(config.escalateAfter()), 8, 0)));
            }
        });
        return dates;
    }

    /** The default calendar of a year (the form starts with it). */
    public Map<String, LocalDate> defaultCalendar(int year) {
        Map<String, LocalDate> m = new LinkedHashMap<>();
        for (String step : List.of("informasjonsmote", "informasjonsgrunnlag", "fylkesmote", "budsjettramme",
                "modellgjennomgang", "plasseringsforslag", "tilbakemelding", "varsling")) {
            m.put(step, config.defaultDate(step, year));
        }
        return m;
    }

    /** Dates must follow the guide's order; returns the first offending step, or empty. */
    public Optional<String> calendarError(int year, Map<String, LocalDate> dates) {
        LocalDate previous = null;
        for (String step : List.of("informasjonsmote", "informasjonsgrunnlag", "fylkesmote", "budsjettramme",
                "modellgjennomgang", "plasseringsforslag", "tilbakemelding")) {
            LocalDate d = dates.get(step);
            if (d == null || d.getYear() != year || (previous != null && d.isBefore(previous))) {
                return Optional.of(step);
            }
            previous = d;
        }
        LocalDate board = dates.get("tilbakemelding").plus(config.boardAfter());
        LocalDate notify = dates.get("varsling");
        if (notify == null || notify.isBefore(board) || notify.getYear() != year) {
            return Optional.of("varsling");
        }
        return Optional.empty();
    }

    public LocalDate boardDate(LocalDate feedbackDeadline) {
        return feedbackDeadline.plus(config.boardAfter());
    }

    // ---- operators and counties ------------------------------------------------------------------------------------

    /** The operators in the round: every operator still in the programme. */
    @Transactional(readOnly = true)
    public List<Operator> participants() {
        return operators.findAllByOrderByName().stream().filter(o -> o.getStatus() != OperatorStatus.TERMINATED).toList();
    }

    /** The counties of the round's operators, each {code, name}, by number. */
    public List<Map<String, Object>> countyList() {
        return new TreeSet<>(participants().stream().map(Operator::getCountyCode).toList()).stream()
                .map(c -> Map.<String, Object>of("code", c, "name", labels.county(c))).toList();
    }

    @Transactional(readOnly = true)
    public List<CountyRow> counties(long roundId) {
        return jdbc.sql("select county_code, meeting_held_on, meeting_notes, frame_nok, frame_by, frame_at, proposal_sent_at, "
                + "feedback, reservations, feedback_by, feedback_at from diff_round_county where round_id = ? order by county_code")
                .param(roundId).query(CountyRow.class).list();
    }

    public Optional<CountyRow> county(long roundId, String countyCode) {
        return counties(roundId).stream().filter(c -> c.countyCode().equals(countyCode)).findFirst();
    }

    /** Fixes the round's counties (those of the operators in the analysis) when the basis is sent: one row each. */
    void ensureCountyRows(long roundId) {
        if (!counties(roundId).isEmpty()) {
            return;
        }
        List<Long> analysed = results(roundId).stream().map(OperatorResult::operatorId).toList();
        new TreeSet<>(operators.findAllById(analysed).stream().map(Operator::getCountyCode).toList())
                .forEach(code -> jdbc.sql("insert into diff_round_county (round_id, county_code) values (?, ?) on conflict do nothing")
                        .params(roundId, code).update());
    }

    /** The round's counties, each {code, name}: the county steps run once for each. */
    public List<Map<String, Object>> roundCounties(long roundId) {
        return counties(roundId).stream()
                .map(c -> Map.<String, Object>of("code", c.countyCode(), "name", labels.county(c.countyCode()))).toList();
    }

    void updateCounty(long roundId, String countyCode, String setSql, Object... params) {
        List<Object> all = new ArrayList<>(Arrays.asList(params));
        all.add(roundId);
        all.add(countyCode);
        jdbc.sql("update diff_round_county set " + setSql + " where round_id = ? and county_code = ?").params(all).update();
    }

    // ---- indicator values and the analysis -------------------------------------------------------------------------

    /** The stored values of a round: per operator, report year and code, with their source. */
    @Transactional(readOnly = true)
    public Inputs stored(long roundId) {
        Map<Long, Map<Integer, Map<String, Value>>> m = new HashMap<>();
        jdbc.sql("select operator_id, report_year, indicator_code, value, source from diff_indicator_value where round_id = ?")
                .param(roundId).query((rs, n) -> m.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getInt(2), k -> new HashMap<>())
                        .put(rs.getString(3), new Value(rs.getBigDecimal(4), rs.getString(5))))
                .list();
        return new Inputs(m);
    }

    /** The values the round's analysis works on (see {@link Inputs}). */
    @Transactional(readOnly = true)
    public Inputs inputs(long roundId) {
        DiffRound r = rounds.findById(roundId).orElseThrow(() -> new NotFoundException("round " + roundId));
        Inputs stored = stored(roundId);
        if (r.getAnalysisDoneAt() != null) {
            return stored;
        }
        Map<Long, Map<Integer, Map<String, Value>>> m = new HashMap<>();
        stored.byOperator().forEach((op, years) -> years
                .forEach((y, codes) -> m.computeIfAbsent(op, k -> new HashMap<>()).computeIfAbsent(y, k -> new HashMap<>()).putAll(codes)));
        Set<Long> inRound = new HashSet<>(participants().stream().map(Operator::getId).toList());
        for (int y : reportYears(r)) {
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
        DiffRound r = load(roundId);
        requireSiva(user);
        if (r.getAnalysisDoneAt() != null) {
            throw new BusinessRuleException("differentiation.error.frozen");
        }
        if (!reportYears(r).contains(reportYear)) {
            throw new BusinessRuleException("differentiation.error.reportYear", reportYears(r).get(0), reportYears(r).get(2));
        }
        values.forEach((code, value) -> {
            if (value == null) {
                jdbc.sql("delete from diff_indicator_value where round_id = ? and operator_id = ? and indicator_code = ? "
                        + "and report_year = ?").params(roundId, operatorId, code, reportYear).update();
            } else {
                upsertValue(roundId, operatorId, reportYear, code, value, source, user.username());
            }
        });
    }

    private void upsertValue(long roundId, long operatorId, int year, String code, BigDecimal value, String source, String by) {
        jdbc.sql("insert into diff_indicator_value (round_id, operator_id, report_year, indicator_code, value, source, "
                + "updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (round_id, operator_id, indicator_code, report_year) do update set value = excluded.value, "
                + "source = excluded.source, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .params(roundId, operatorId, year, code, value, source, by, Timestamp.from(clock.instant())).update();
    }

    /**
     * The scores computed from the round's inputs with the round's method: before the analysis is frozen over the
     * operators in the programme, after it over the operators it froze, with the frozen method and values, so they
     * equal what was decided whatever the method says today.
     */
    @Transactional(readOnly = true)
    public List<ScoringEngine.Result> liveScores(long roundId) {
        DiffRound r = rounds.findById(roundId).orElseThrow(() -> new NotFoundException("round " + roundId));
        Inputs in = inputs(roundId);
        boolean frozen = r.getAnalysisDoneAt() != null;
        List<Operator> scored = frozen
                ? operators.findAllById(results(roundId).stream().map(OperatorResult::operatorId).toList()) : participants();
        Method m = method(r);
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
        return Soundness.warnings(in.values(operatorId), reportYears(r), m.thresholds());
    }

    /** Minimum and potential step (set in the analysis) for an operator. */
    @Transactional
    public void setMinimumAndPotential(CurrentUser user, long roundId, long operatorId, Integer minimum, Integer potential) {
        DiffRound r = load(roundId);
        requireSiva(user);
        if (r.getNotifiedAt() != null) {
            throw new BusinessRuleException("differentiation.error.notified");
        }
        if (minimum != null && potential != null && potential < minimum) {
            throw new BusinessRuleException("differentiation.error.potentialBelowMinimum");
        }
        jdbc.sql("insert into diff_result (round_id, operator_id, minimum_step, potential_step, current_step) values (?, ?, ?, ?, "
                + "(select step from operator_grant_step where operator_id = ? and effective_from <= ? "
                + "order by effective_from desc limit 1)) on conflict (round_id, operator_id) "
                + "do update set minimum_step = excluded.minimum_step, potential_step = excluded.potential_step")
                .params(roundId, operatorId, minimum, potential, operatorId, LocalDate.now(clock)).update();
    }

    /**
     * The proposed steps of a county's operators, all or none. Open until the proposal is sent to the county, and
     * again when the county asks for changes; what the county answered is what the operators are told.
     */
    @Transactional
    public void setProposedSteps(CurrentUser user, long roundId, String countyCode, Map<Long, Integer> steps) {
        DiffRound r = load(roundId);
        requireSiva(user);
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
            jdbc.sql("update diff_result set proposed_step = ? where round_id = ? and operator_id = ?")
                    .params(step, roundId, operatorId).update();
        });
    }

    /** Siva may change a county's proposal: not yet sent, or sent back by the county with a request for changes. */
    public boolean proposalOpen(long roundId, String countyCode) {
        return county(roundId, countyCode).map(c -> c.proposalSentAt() == null || "endring".equals(c.feedback()))
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
        DiffRound r = load(roundId);
        if (r.getAnalysisDoneAt() != null) {
            return;
        }
        Method m = methods.current();
        Inputs in = inputs(roundId);
        in.byOperator().forEach((op, years) -> years.forEach((y, codes) -> codes.forEach((code, v) -> {
            if ("PROGRAMFLYT".equals(v.source())) {
                upsertValue(roundId, op, y, code, v.value(), v.source(), AuditService.SYSTEM);
            }
        })));
        r.methodFrozen(methods.write(m));
        int latest = r.getYear() - 1;
        Formats f = new Formats();
        for (ScoringEngine.Result s : new ScoringEngine(m).score(scoringData(participants(), in, m, latest))) {
            Map<Criterion, Development.CriterionDevelopment> dev = Development.of(m.indicators(),
                    ThreeYears.changes(m.indicators(), in.values(s.operatorId()), latest), m.thresholds().declineTolerancePercent());
            List<Criterion> negative = Development.negative(dev);
            List<String> soundness = Soundness.warnings(in.values(s.operatorId()), reportYears(r), m.thresholds());
            String notRanked = s.complete() ? null : notRankedReason(s);
            jdbc.sql("insert into diff_result (round_id, operator_id) values (?, ?) on conflict do nothing")
                    .params(roundId, s.operatorId()).update();
            jdbc.sql("update diff_result set weighted = ?, unweighted = ?, total_group = ?, group_activity = ?, "
                    + "group_satisfaction = ?, group_sustainability = ?, group_export = ?, group_growth = ?, "
                    + "score_activity = ?, score_satisfaction = ?, score_sustainability = ?, score_export = ?, "
                    + "score_growth = ?, soundness_warning = ?, negative_areas = ?, reasons = ?, soundness = ?, "
                    + "development = ?, negative_criteria = ?, not_ranked_reason = ? "
                    + "where round_id = ? and operator_id = ?")
                    .params(s.weighted(), s.unweighted(), s.totalGroup(), s.groups().get(Criterion.ACTIVITY),
                            s.groups().get(Criterion.SATISFACTION), s.groups().get(Criterion.SUSTAINABILITY),
                            s.groups().get(Criterion.EXPORT), s.groups().get(Criterion.GROWTH),
                            s.criterionScores().get(Criterion.ACTIVITY), s.criterionScores().get(Criterion.SATISFACTION),
                            s.criterionScores().get(Criterion.SUSTAINABILITY), s.criterionScores().get(Criterion.EXPORT),
                            s.criterionScores().get(Criterion.GROWTH), !soundness.isEmpty(), negative.size(),
                            Reasons.of(s, soundness, notRanked), soundness.isEmpty() ? null : String.join("\n", soundness),
                            Reasons.development(dev, f),
                            negative.isEmpty() ? null : String.join(",", negative.stream().map(Enum::name).toList()),
                            notRanked, roundId, s.operatorId())
                    .update();
            if (notRanked != null) {   // placed on its minimum step
                jdbc.sql("update diff_result set potential_step = minimum_step, proposed_step = minimum_step "
                        + "where round_id = ? and operator_id = ?").params(roundId, s.operatorId()).update();
            }
        }
        long model = grantModels.latest(r.getYear() + 1).map(GrantModelService.GrantModel::id)
                .orElseThrow(() -> new BusinessRuleException("differentiation.error.noGrantModel", r.getYear() + 1));
        r.analysisDone(by, model, clock.instant());
        audit.record(by, "DIFF_ANALYSIS_DONE", CASE_TYPE, roundId, String.valueOf(r.getYear()),
                "Differensieringsanalysen er fullført og låst for " + participants().size() + " operatører", null);
    }

    @Transactional(readOnly = true)
    public List<OperatorResult> results(long roundId) {
        Map<Long, Operator> byId = new HashMap<>();
        operators.findAll().forEach(o -> byId.put(o.getId(), o));
        return jdbc.sql("select * from diff_result where round_id = ? order by weighted desc nulls last, operator_id")
                .param(roundId).query((rs, n) -> {
                    Operator o = byId.get(rs.getLong("operator_id"));
                    Map<Criterion, Integer> g = new EnumMap<>(Criterion.class);
                    Map<Criterion, BigDecimal> sc = new EnumMap<>(Criterion.class);
                    String[] cols = {"activity", "satisfaction", "sustainability", "export", "growth"};
                    for (Criterion c : Criterion.values()) {
                        int v = rs.getInt("group_" + cols[c.ordinal()]);
                        if (!rs.wasNull()) {
                            g.put(c, v);
                        }
                        BigDecimal s = rs.getBigDecimal("score_" + cols[c.ordinal()]);
                        if (s != null) {
                            sc.put(c, s);
                        }
                    }
                    long letter = rs.getLong("letter_document_id");
                    Long letterId = rs.wasNull() ? null : letter;
                    Timestamp notified = rs.getTimestamp("notified_at");
                    return new OperatorResult(o.getId(), o.getName(), o.getOrgNumber(), o.getCountyCode(),
                            rs.getBigDecimal("weighted"), rs.getBigDecimal("unweighted"), integer(rs, "total_group"), g, sc,
                            rs.getBoolean("soundness_warning"), rs.getInt("negative_areas"), integer(rs, "current_step"),
                            integer(rs, "minimum_step"), integer(rs, "potential_step"), integer(rs, "proposed_step"),
                            rs.getString("reasons"), notified == null ? null : notified.toInstant(), letterId,
                            rs.getString("not_ranked_reason"), rs.getString("development"), rs.getString("soundness"),
                            rs.getString("negative_criteria"));
                }).list();
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

    /** An operator whose limited analysis belongs to a year: its follow-up case, when it is due, and why. */
    public record LimitedCase(long caseId, long operatorId, String name, LocalDate analysisDue, LocalDate flaggedOn,
                              String outcome) {}

    /**
     * The operators of a year's limited analysis (§7.1): flagged by the previous year's analysis, or with a limited
     * analysis due in the year, open or already concluded; and open follow-ups not yet concluded (not yet scheduled).
     */
    @Transactional(readOnly = true)
    public List<LimitedCase> limitedCases(int year) {
        return jdbc.sql("select c.id as case_id, c.operator_id, o.name, c.analysis_due, c.flagged_on, c.analysis_outcome as outcome "
                + "from follow_up_case c join operator o on o.id = c.operator_id "
                + "where extract(year from c.analysis_due) = ? or extract(year from c.flagged_on) = ? "
                + "or (c.closed_at is null and c.analysis_due is null) order by o.name")
                .params(year, year - 1).query(LimitedCase.class).list();
    }

    // ---- engine messages -------------------------------------------------------------------------------------------

    /** The state budget proposal is out: each county's frame step opens (§15.3.5). */
    @Transactional
    public void budgetProposalPublished(CurrentUser user, long roundId, LocalDate on) {
        requireSiva(user);
        DiffRound r = load(roundId);
        r.budgetProposalPublished(on);
        audit.record(user.username(), "DIFF_STATE_BUDGET", CASE_TYPE, roundId, String.valueOf(r.getYear()),
                "Forslaget til statsbudsjett ble lagt fram " + new Formats().date(on) + ": fylkeskommunene kan melde ramme", null);
        AfterCommit.run(() -> publishToCounties(r, BUDGET_MESSAGE));
    }

    /**
     * Publishes a round-wide event to each of the round's county instances (message id per round and county, so a
     * second call, e.g. Siva's "send again", adds nothing where it already arrived).
     */
    void publishToCounties(DiffRound r, ProcessMessage message) {
        for (Map<String, Object> c : roundCounties(r.getId())) {
            String key = r.getId() + "-" + c.get("code");
            engine.publishOnce(message, key, message.idFor(key), Duration.ofDays(120), Map.of());
        }
    }

    /** Sends the state-budget and models messages again, for those already registered (after a failed send). */
    public void resendMessages(CurrentUser user, long roundId) {
        requireSiva(user);
        DiffRound r = find(roundId).orElseThrow(() -> new NotFoundException("round " + roundId));
        if (r.getBudgetProposalOn() != null) {
            publishToCounties(r, BUDGET_MESSAGE);
        }
        if (r.getModelReviewedAt() != null) {
            publishToCounties(r, MODELS_MESSAGE);
        }
    }

    static void requireSiva(CurrentUser user) {
        if (!user.isSiva() && !user.isAdmin()) {
            throw new AccessDeniedException("Siva only");
        }
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
