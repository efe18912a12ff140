package no.siva.programflyt.followup;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorService;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process 2: extraordinary follow-up of an operator (guide §6.6). The case, its triggers, meetings, scoreboard and
 * measures live here; the process instance carries the case id, the operator, the county and the timer dates.
 * One open case per operator: a further trigger is attached to it (enforced under the operator's row lock and by a
 * unique index).
 */
@Service
public class FollowUpService {

    public static final String CASE_TYPE = "FOLLOW_UP";
    public static final String PROCESS_ID = "extraordinary-follow-up";
    public static final String TRIGGER_PROCESS_ID = "follow-up-trigger";

    public record Trigger(long id, TriggerType type, String evidence, String sourceKey, String raisedBy, Instant raisedAt) {}

    public record Meeting(long id, LocalDate heldOn, String form, String participants, String summary,
                          String recordedBy, Instant recordedAt) {}

    public record Measure(long id, String description, String owner, LocalDate dueDate, String status, String doneBy,
                          Instant doneAt, String doneComment) {
        public boolean done() {
            return "DONE".equals(status);
        }
    }

    public record Score(String area, int score, String comment) {}

    public record Scoreboard(long id, int versionNo, String recordedBy, Instant recordedAt, List<Score> scores) {
        public Integer scoreOf(String area) {
            return scores.stream().filter(s -> s.area().equals(area)).findFirst().map(Score::score).orElse(null);
        }

        public String commentOf(String area) {
            return scores.stream().filter(s -> s.area().equals(area)).findFirst().map(Score::comment).orElse(null);
        }
    }

    /** What a trigger did: opened a case, or was attached to the open one. */
    public record Raised(long caseId, boolean opened) {}

    public static final List<String> MEETING_FORMS = List.of("FYSISK", "DIGITALT", "EPOST", "TELEFON");

    private final FollowUpCaseRepository cases;
    private final OperatorRepository operators;
    private final FollowUpProperties config;
    private final AuditService audit;
    private final CamundaClient client;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final FollowUpTriggers triggers;

    private final Clock clock;

    public FollowUpService(Clock clock, FollowUpCaseRepository cases, OperatorRepository operators, FollowUpProperties config,
                           AuditService audit, CamundaClient client, JdbcClient jdbc, TransactionTemplate tx,
                           FollowUpTriggers triggers) {
        this.clock = clock;
        this.triggers = triggers;
        this.cases = cases;
        this.operators = operators;
        this.config = config;
        this.audit = audit;
        this.client = client;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    // ---- access ------------------------------------------------------------------------------------------------

    /** Siva sees every follow-up; a county official her counties'; operator staff none (they get the letters). */
    @Transactional(readOnly = true)
    public List<FollowUpCase> visibleTo(CurrentUser user) {
        if (user.hasNationalScope()) {
            return cases.findAllByOrderByStartedAtDesc();
        }
        if (user.isCountyOfficial()) {
            return cases.findByCountyCodeInOrderByStartedAtDesc(user.counties());
        }
        return List.of();
    }

    @Transactional(readOnly = true)
    public FollowUpCase getVisible(CurrentUser user, long id) {
        FollowUpCase c = cases.findById(id).orElseThrow(() -> new NotFoundException("follow-up " + id));
        if (!CaseDirectory.canView(user, FollowUpCaseProvider.info(c, ""))) {
            throw new NotFoundException("follow-up " + id);
        }
        return c;
    }

    /** A Siva case handler, or a county official of the operator's county (as commissioner, guide §6.6). */
    public static boolean mayStart(CurrentUser user, Operator operator) {
        return user.has(Role.SIVA_SAKSBEHANDLER) || user.isAdmin()
                || (user.isCountyOfficial() && user.counties().contains(operator.getCountyCode()));
    }

    /** Meetings and dialogue are logged by Siva's case handlers and the county's officials. */
    public static boolean mayLog(CurrentUser user, FollowUpCase c) {
        return user.has(Role.SIVA_SAKSBEHANDLER) || user.isAdmin()
                || (user.isCountyOfficial() && user.counties().contains(c.getCountyCode()));
    }

    /** The scoreboard and the measures are Siva's (the county takes part in the meetings and the termination). */
    public static boolean mayAssess(CurrentUser user) {
        return user.has(Role.SIVA_SAKSBEHANDLER) || user.isAdmin();
    }

    // ---- starting and triggers ------------------------------------------------------------------------------------

    /** Started from the operator's page by Siva or the county: trigger T1 with the evidence given. */
    public Raised start(CurrentUser user, long operatorId, String evidence) {
        Operator operator = operators.findById(operatorId).orElseThrow(() -> new NotFoundException("operator " + operatorId));
        if (!mayStart(user, operator)) {
            throw new AccessDeniedException("may not start a follow-up of this operator");
        }
        return raise(operatorId, TriggerType.UNDERPERFORMANCE, evidence, "manuell-" + UUID.randomUUID(), user.username());
    }

    /**
     * Records a trigger: attached to the operator's open follow-up, or a new case is opened and its process started
     * (after the commit: its first worker must find it). The same source key twice records it once.
     */
    public Raised raise(long operatorId, TriggerType type, String evidence, String sourceKey, String raisedBy) {
        return raise(operatorId, type, evidence, sourceKey, raisedBy, null, null);
    }

    /** A trigger from a differentiation analysis also records the round and the day it flagged the operator. */
    public Raised raise(long operatorId, TriggerType type, String evidence, String sourceKey, String raisedBy,
                        Long roundId, LocalDate flaggedOn) {
        Raised raised = tx.execute(s -> {
            jdbc.sql("select id from operator where id = ? for update").param(operatorId).query(Long.class).optional()
                    .orElseThrow(() -> new NotFoundException("operator " + operatorId));
            Optional<Long> known = jdbc.sql("select case_id from follow_up_trigger where source_key = ?").param(sourceKey)
                    .query(Long.class).optional();
            if (known.isPresent()) {
                return new Raised(known.get(), false);
            }
            Operator operator = operators.findById(operatorId).orElseThrow();
            if (operator.getStatus() == OperatorStatus.TERMINATED) {
                throw new BusinessRuleException("followup.error.operatorTerminated", operator.getName());
            }
            Optional<FollowUpCase> open = cases.findOpen(operatorId);
            if (open.isPresent()) {
                insertTrigger(open.get(), type, evidence, sourceKey, raisedBy);
                if (flaggedOn != null) {
                    open.get().flagged(roundId, flaggedOn);
                }
                audit.record(raisedBy, "FOLLOW_UP_TRIGGER_ADDED", CASE_TYPE, open.get().getId(), open.get().getOrgNumber(),
                        "Ny utløser lagt til den åpne saken: " + TRIGGER_LABELS.get(type) + ". " + evidence, null);
                return new Raised(open.get().getId(), false);
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.now(clock);
            FollowUpCase c = cases.save(new FollowUpCase(operatorId, operator.getOrgNumber(), operator.getCountyCode(),
                    raisedBy, now, at8(today.plus(config.reminderAfter())), at8(today.plus(config.escalateAfter()))));
            insertTrigger(c, type, evidence, sourceKey, raisedBy);
            if (flaggedOn != null) {
                c.flagged(roundId, flaggedOn);
            }
            operator.changeStatus(OperatorStatus.IN_FOLLOW_UP);
            audit.record(raisedBy, "FOLLOW_UP_STARTED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                    "Ekstraordinær oppfølging av " + operator.getName() + " er startet: " + TRIGGER_LABELS.get(type)
                            + ". " + evidence,
                    null);
            return new Raised(c.getId(), true);
        });
        FollowUpCase c = cases.findById(raised.caseId()).orElseThrow();
        if (c.getProcessInstanceKey() == null && !c.isClosed()) {
            startProcess(c, raised.opened());
        }
        return raised;
    }

    private void startProcess(FollowUpCase c, boolean opened) {
        long key;
        try {
            Map<String, Object> vars = new HashMap<>();
            vars.put("caseId", c.getId());
            vars.put("businessKey", c.getOrgNumber());
            vars.put("operatorId", c.getOperatorId());
            vars.put("countyCode", c.getCountyCode());
            vars.put("reminderAt", Formats.iso(c.getReminderAt().atZone(Formats.OSLO)));
            vars.put("escalateAt", Formats.iso(c.getEscalateAt().atZone(Formats.OSLO)));
            key = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().variables(vars)
                    .send().join().getProcessInstanceKey();
        } catch (RuntimeException e) {
            if (opened) {   // nothing half-saved: the case goes again, and the operator is as it was
                tx.executeWithoutResult(s -> {
                    jdbc.sql("delete from follow_up_trigger where case_id = ?").param(c.getId()).update();
                    jdbc.sql("delete from follow_up_case where id = ?").param(c.getId()).update();
                    operators.findById(c.getOperatorId()).ifPresent(o -> o.changeStatus(OperatorStatus.ACTIVE));
                    audit.record(AuditService.SYSTEM, "FOLLOW_UP_NOT_STARTED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                            "Prosessmotoren tok ikke imot saken; den er ikke opprettet: " + e.getMessage(), null);
                });
            }
            throw e;
        }
        tx.executeWithoutResult(s -> cases.findForUpdate(c.getId()).orElseThrow().started(key));
    }

    private void insertTrigger(FollowUpCase c, TriggerType type, String evidence, String sourceKey, String raisedBy) {
        jdbc.sql("insert into follow_up_trigger (case_id, trigger_type, evidence, source_key, raised_by, raised_at) "
                + "values (?, ?, ?, ?, ?, ?)")
                .params(c.getId(), type.name(), evidence, sourceKey, raisedBy, Timestamp.from(clock.instant())).update();
    }

    private static Instant at8(LocalDate d) {
        return d.atTime(8, 0).atZone(Formats.OSLO).toInstant();
    }

    public static final Map<TriggerType, String> TRIGGER_LABELS = Map.of(
            TriggerType.UNDERPERFORMANCE, "leverer vesentlig dårligere enn forventet",
            TriggerType.DEVELOPMENT_DIALOGUE, "utviklingssamtalen viser ikke ønsket utvikling",
            TriggerType.REPORTING_DEVIATION, "avvik i årsrapporteringen",
            TriggerType.DIFFERENTIATION, "differensieringsanalysen viser flere områder med negativ utvikling");

    // ---- the work on the case ---------------------------------------------------------------------------------------

    @Transactional
    public void recordMeeting(CurrentUser user, long caseId, LocalDate heldOn, String form, String participants,
                              String summary) {
        FollowUpCase c = openForWork(user, caseId);
        if (!mayLog(user, c)) {
            throw new AccessDeniedException("may not log meetings on this case");
        }
        jdbc.sql("""
                insert into follow_up_meeting (case_id, held_on, form, participants, summary, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""").params(caseId, heldOn, form, participants, summary, user.username(),
                Timestamp.from(clock.instant())).update();
        audit.record(user.username(), "FOLLOW_UP_MEETING", CASE_TYPE, caseId, c.getOrgNumber(),
                "Møte/dialog " + new Formats().date(heldOn) + " (" + form.toLowerCase() + ") er logget", null);
    }

    /** Saves a new version of the scoreboard: a score 1–5 and a comment per area. */
    @Transactional
    public int saveScoreboard(CurrentUser user, long caseId, Map<String, Integer> scores, Map<String, String> comments) {
        FollowUpCase c = openForWork(user, caseId);
        if (!mayAssess(user)) {
            throw new AccessDeniedException("may not assess");
        }
        int versionNo = jdbc.sql("select coalesce(max(version_no), 0) + 1 from follow_up_scoreboard where case_id = ?")
                .param(caseId).query(Integer.class).single();
        long id = jdbc.sql("insert into follow_up_scoreboard (case_id, version_no, recorded_by, recorded_at) "
                + "values (?, ?, ?, ?) returning id")
                .params(caseId, versionNo, user.username(), Timestamp.from(clock.instant())).query(Long.class).single();
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            jdbc.sql("insert into follow_up_score (scoreboard_id, area, score, comment) values (?, ?, ?, ?)")
                    .params(id, e.getKey(), e.getValue(), blankToNull(comments.get(e.getKey()))).update();
        }
        audit.record(user.username(), "FOLLOW_UP_SCOREBOARD", CASE_TYPE, caseId, c.getOrgNumber(),
                "Scoreboard versjon " + versionNo + " er lagret (snitt " + mean(scores) + ")", null);
        return versionNo;
    }

    @Transactional
    public void addMeasure(CurrentUser user, long caseId, String description, String owner, LocalDate dueDate) {
        FollowUpCase c = openForWork(user, caseId);
        if (!mayAssess(user)) {
            throw new AccessDeniedException("may not add measures");
        }
        if (c.getStatus() != FollowUpStatus.OPEN) {
            throw new BusinessRuleException("followup.error.measuresFixed");
        }
        jdbc.sql("insert into follow_up_measure (case_id, description, owner, due_date, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?)")
                .params(caseId, description, owner, dueDate, user.username(), Timestamp.from(clock.instant())).update();
        audit.record(user.username(), "FOLLOW_UP_MEASURE", CASE_TYPE, caseId, c.getOrgNumber(),
                "Utviklingstiltak: " + description + " (ansvarlig " + owner + ", frist " + new Formats().date(dueDate) + ")", null);
    }

    private FollowUpCase openForWork(CurrentUser user, long caseId) {
        FollowUpCase c = getVisible(user, caseId);
        if (c.isClosed()) {
            throw new BusinessRuleException("followup.error.closed");
        }
        return c;
    }

    // ---- the yearly development dialogue (guide §6.2) ----------------------------------------------------------------

    public record Dialogue(long id, LocalDate heldOn, boolean countyParticipated, String outcome, String summary,
                           String recordedBy) {
        public boolean onTrack() {
            return "ON_TRACK".equals(outcome);
        }
    }

    /**
     * Records Siva's development dialogue with an operator (held with the county). When it shows the operator is not
     * developing as the programme requires, trigger T2 is raised as a message once the record is committed.
     */
    @Transactional
    public long recordDialogue(CurrentUser user, long operatorId, LocalDate heldOn, boolean countyParticipated,
                               boolean onTrack, String summary) {
        if (!mayAssess(user)) {
            throw new AccessDeniedException("may not record development dialogues");
        }
        Operator o = operators.findById(operatorId).orElseThrow(() -> new NotFoundException("operator " + operatorId));
        long id = jdbc.sql("""
                insert into operator_dialogue (operator_id, held_on, county_participated, outcome, summary, recorded_by,
                                               recorded_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(operatorId, heldOn, countyParticipated, onTrack ? "ON_TRACK" : "NOT_ON_TRACK", summary, user.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(user.username(), "DEVELOPMENT_DIALOGUE", OperatorService.CASE_TYPE,
                operatorId, o.getOrgNumber(), "Utviklingssamtale " + new Formats().date(heldOn) + ": "
                        + (onTrack ? "ønsket utvikling" : "ikke ønsket utvikling"),
                summary);
        if (!onTrack && o.getStatus() != OperatorStatus.TERMINATED) {
            triggers.publishAfterCommit(operatorId, TriggerType.DEVELOPMENT_DIALOGUE, "Utviklingssamtalen "
                    + new Formats().date(heldOn) + ": " + summary, "utviklingssamtale-" + id, user.username());
        }
        return id;
    }

    public List<Dialogue> dialogues(long operatorId) {
        return jdbc.sql("select id, held_on, county_participated, outcome, summary, recorded_by from operator_dialogue "
                + "where operator_id = ? order by held_on desc, id desc").param(operatorId)
                .query((rs, n) -> new Dialogue(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getBoolean(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<FollowUpCase> forOperator(long operatorId) {
        return cases.findByOperatorIdOrderByStartedAtDesc(operatorId);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    public List<Trigger> triggers(long caseId) {
        return jdbc.sql("select id, trigger_type, evidence, source_key, raised_by, raised_at from follow_up_trigger "
                + "where case_id = ? order by raised_at, id").param(caseId)
                .query((rs, n) -> new Trigger(rs.getLong(1), TriggerType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    public List<Meeting> meetings(long caseId) {
        return jdbc.sql("select id, held_on, form, participants, summary, recorded_by, recorded_at from follow_up_meeting "
                + "where case_id = ? order by held_on desc, id desc").param(caseId)
                .query((rs, n) -> new Meeting(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    public List<Measure> measures(long caseId) {
        return jdbc.sql("select id, description, owner, due_date, status, done_by, done_at, done_comment "
                + "from follow_up_measure where case_id = ? order by due_date, id").param(caseId)
                .query((rs, n) -> new Measure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getString(8)))
                .list();
    }

    /** Every version, newest first. */
    public List<Scoreboard> scoreboards(long caseId) {
        Map<Long, Scoreboard> boards = new LinkedHashMap<>();
        jdbc.sql("""
                select b.id, b.version_no, b.recorded_by, b.recorded_at, s.area, s.score, s.comment
                from follow_up_scoreboard b left join follow_up_score s on s.scoreboard_id = b.id
                where b.case_id = ? order by b.version_no desc""").param(caseId).query(rs -> {
            Scoreboard b = boards.get(rs.getLong(1));
            if (b == null) {
                b = new Scoreboard(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        new ArrayList<>());
                boards.put(b.id(), b);
            }
            if (rs.getString(5) != null) {
                b.scores().add(new Score(rs.getString(5), rs.getInt(6), rs.getString(7)));
            }
        });
        return List.copyOf(boards.values());
    }

    /** Whether the scoreboard has been filled in at least once (concluding needs it). */
    public boolean hasScoreboard(long caseId) {
        return jdbc.sql("select exists (select 1 from follow_up_scoreboard where case_id = ?)").param(caseId)
                .query(Boolean.class).single();
    }

    public Map<String, String> areas() {
        return config.areas();
    }

    /**
     * The programme level beside the scoreboard, where Programflyt has the data: active target companies against the
     * mean of the other operators, and this year's reporting deadlines met on time against the programme's share.
     */
    public Map<String, String> programmeLevel(long operatorId) {
        Map<String, String> level = new LinkedHashMap<>();
        Map<String, Object> active = jdbc.sql("""
                select count(*) filter (where operator_id = :op) as own,
                       count(*) filter (where operator_id <> :op)::numeric
                         / greatest(count(distinct operator_id) filter (where operator_id <> :op), 1) as others
                from target_company where status = 'ACTIVE'""").param("op", operatorId).query().singleRow();
        level.put("aktivitet", "Aktive målbedrifter: " + active.get("own") + " (programsnitt for de andre operatørene: "
                + ((BigDecimal) active.get("others")).setScale(1, RoundingMode.HALF_UP)
                        .toPlainString().replace('.', ',')
                + ")");
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> rep = jdbc.sql("""
                select count(*) filter (where operator_id = :op and due_date < :today) as own_due,
                       count(*) filter (where operator_id = :op and due_date < :today and status = 'DONE') as own_done,
                       count(*) filter (where due_date < :today and status <> 'CANCELED') as all_due,
                       count(*) filter (where due_date < :today and status = 'DONE') as all_done
                from reporting_obligation where year = :year""").param("op", operatorId).param("year", today.getYear())
                .param("today", today)
                .query().singleRow();
        long ownDue = ((Number) rep.get("own_due")).longValue();
        long allDue = ((Number) rep.get("all_due")).longValue();
        if (ownDue > 0 && allDue > 0) {
            level.put("rapportering", "Frister levert i " + today.getYear() + ": " + rep.get("own_done") + " av " + ownDue
                    + " (programmet: " + Math.round(100.0 * ((Number) rep.get("all_done")).longValue() / allDue) + " %)");
        }
        return level;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String mean(Map<String, Integer> scores) {
        return String.format(Locale.forLanguageTag("nb"), "%.1f",
                scores.values().stream().mapToInt(Integer::intValue).average().orElse(0));
    }

    @Transactional(readOnly = true)
    public Optional<FollowUpCase> findCase(long caseId) {
        return cases.findById(caseId);
    }

    FollowUpCase load(long caseId) {
        return cases.findForUpdate(caseId).orElseThrow(() -> new NotFoundException("follow-up " + caseId));
    }
}
