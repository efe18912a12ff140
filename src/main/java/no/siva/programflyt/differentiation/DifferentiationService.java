package no.siva.programflyt.differentiation;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.differentiation.scoring.Method;
import no.siva.programflyt.differentiation.scoring.ThreeYears;
import no.siva.programflyt.processes.EngineCommands;
import no.siva.programflyt.processes.ProcessMessage;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.AfterCommit;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.ProgrammePeriod;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The differentiation round's case data (guide §7, §15): the round and its calendar, the instance that runs it, each
 * county's frame and feedback, and the round-wide messages to the counties' instances. The analysis (values, scores,
 * steps) is {@link DifferentiationAnalysis}'s.
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

    /** One county's part of a round. */
    public record CountyRow(String countyCode, LocalDate meetingHeldOn, String meetingNotes, BigDecimal frameNok,
                            String frameBy, Instant frameAt, Instant proposalSentAt, String feedback,
                            String reservations, String feedbackBy, Instant feedbackAt) {
        public boolean accepted() {
            return "godkjent".equals(feedback);
        }
    }

    private final Clock clock;
    private final ProgrammePeriod programme;
    private final DifferentiationProperties config;
    private final DiffRoundRepository rounds;
    private final RoundInstances instances;
    private final RoundCounties countyRows;
    private final DiffResults results;
    private final OperatorRepository operators;
    private final MethodService methods;
    private final AuditService audit;
    private final Labels labels;
    private final CamundaClient client;
    private final EngineCommands engine;
    private final TransactionTemplate tx;

    DifferentiationService(Clock clock, ProgrammePeriod programme, DifferentiationProperties config,
                           DiffRoundRepository rounds, RoundInstances instances, RoundCounties countyRows,
                           DiffResults results, OperatorRepository operators, MethodService methods, AuditService audit,
                           Labels labels, CamundaClient client, EngineCommands engine, TransactionTemplate tx) {
        this.clock = clock;
        this.programme = programme;
        this.config = config;
        this.rounds = rounds;
        this.instances = instances;
        this.countyRows = countyRows;
        this.results = results;
        this.operators = operators;
        this.methods = methods;
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

    /** The round, or 404. */
    @Transactional(readOnly = true)
    public DiffRound get(long id) {
        return rounds.findById(id).orElseThrow(() -> new NotFoundException("round " + id));
    }

    public DiffRound load(long id) {
        return rounds.lockById(id).orElseThrow(() -> new NotFoundException("round " + id));
    }

    /** The project leader starts the year's round by hand (the timer does it every 15 August). */
    public DiffRound startManually(CurrentUser user, int year) {
        DifferentiationAccess.requireProjectLeader(user, "project leaders start rounds");
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
        } catch (RuntimeException e) {   // nothing half-saved: the round goes again; the trail, append-only, says so
            try {
                tx.executeWithoutResult(s -> {
                    rounds.deleteById(r.getId());
                    audit.record(user.username(), "DIFF_ROUND_START_UNDONE", CASE_TYPE, r.getId(), String.valueOf(year),
                            "Runden for " + year + " ble ikke startet fordi prosessmotoren ikke tok imot den. Den kan "
                                    + "startes på nytt.",
                            e.toString());
                });
            } catch (RuntimeException undoFailed) {
                e.addSuppressed(undoFailed);   // the engine's error stays the one the user is told of
            }
            throw e;
        }
        return tx.execute(s -> {
            instances.attach(r.getId(), key);
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
            boolean differentiation = config.isDifferentiationYear(engineYear);
            instances.createIfAbsent(engineYear, differentiation, differentiation ? RoundStatus.CALENDAR : RoundStatus.LIMITED,
                    AuditService.SYSTEM, clock.instant());
            id = rounds.findByYear(engineYear).orElseThrow().getId();
        }
        // one instance runs a round: the first to claim it (the same instance again on a redelivered job)
        if (!instances.claim(id, processInstanceKey)) {
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
        return countyRows.ofRound(roundId);
    }

    public Optional<CountyRow> county(long roundId, String countyCode) {
        return counties(roundId).stream().filter(c -> c.countyCode().equals(countyCode)).findFirst();
    }

    /** Fixes the round's counties (those of the operators in the analysis) when the basis is sent: one row each. */
    void ensureCountyRows(long roundId) {
        if (!counties(roundId).isEmpty()) {
            return;
        }
        List<Long> analysed = results.operatorIds(roundId);
        new TreeSet<>(operators.findAllById(analysed).stream().map(Operator::getCountyCode).toList())
                .forEach(code -> countyRows.add(roundId, code));
    }

    /** The round's counties, each {code, name}: the county steps run once for each. */
    public List<Map<String, Object>> roundCounties(long roundId) {
        return counties(roundId).stream()
                .map(c -> Map.<String, Object>of("code", c.countyCode(), "name", labels.county(c.countyCode()))).toList();
    }

    // ---- engine messages -------------------------------------------------------------------------------------------

    /** The state budget proposal is out: each county's frame step opens (§15.3.5). */
    @Transactional
    public void budgetProposalPublished(CurrentUser user, long roundId, LocalDate on) {
        DifferentiationAccess.requireSiva(user);
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
        DifferentiationAccess.requireSiva(user);
        DiffRound r = get(roundId);
        if (r.getBudgetProposalOn() != null) {
            publishToCounties(r, BUDGET_MESSAGE);
        }
        if (r.getModelReviewedAt() != null) {
            publishToCounties(r, MODELS_MESSAGE);
        }
    }

}
