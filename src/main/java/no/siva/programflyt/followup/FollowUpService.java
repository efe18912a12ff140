package no.siva.programflyt.followup;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process 2: extraordinary follow-up of an operator (guide §6.6). The case and its triggers live here, with who may
 * do what ({@link #mayStart}, {@link #mayLog}, {@link #mayAssess}); the meetings, scoreboard and measures are
 * {@link FollowUpWork}'s, the yearly development dialogues {@link OperatorDialogues}'; the process instance carries the case id, the operator, the county and the timer dates.
 * One open case per operator: a further trigger is attached to it (enforced under the operator's row lock and by a
 * unique index).
 */
@Service
public class FollowUpService {

    public static final String CASE_TYPE = "FOLLOW_UP";
    public static final String PROCESS_ID = "extraordinary-follow-up";
    public static final String TRIGGER_PROCESS_ID = "follow-up-trigger";

    public record Trigger(long id, TriggerType type, String evidence, String sourceKey, String raisedBy, Instant raisedAt) {}

    /** What a trigger did: opened a case, or was attached to the open one. */
    public record Raised(long caseId, boolean opened) {}

    public static final List<String> MEETING_FORMS = List.of("FYSISK", "DIGITALT", "EPOST", "TELEFON");

    private final FollowUpCaseRepository cases;
    private final OperatorRepository operators;
    private final FollowUpProperties config;
    private final AuditService audit;
    private final CamundaClient client;
    private final CaseTriggers caseTriggers;
    private final TransactionTemplate tx;

    private final Clock clock;

    public FollowUpService(Clock clock, FollowUpCaseRepository cases, OperatorRepository operators, FollowUpProperties config,
                           AuditService audit, CamundaClient client, CaseTriggers caseTriggers, TransactionTemplate tx) {
        this.clock = clock;
        this.cases = cases;
        this.operators = operators;
        this.config = config;
        this.audit = audit;
        this.client = client;
        this.caseTriggers = caseTriggers;
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
            if (!caseTriggers.lockOperator(operatorId)) {
                throw new NotFoundException("operator " + operatorId);
            }
            Optional<Long> known = caseTriggers.caseOf(sourceKey);
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
                    caseTriggers.removeCase(c.getId());
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
        caseTriggers.add(c.getId(), type, evidence, sourceKey, raisedBy, clock.instant());
    }

    private static Instant at8(LocalDate d) {
        return d.atTime(8, 0).atZone(Formats.OSLO).toInstant();
    }

    public static final Map<TriggerType, String> TRIGGER_LABELS = Map.of(
            TriggerType.UNDERPERFORMANCE, "leverer vesentlig dårligere enn forventet",
            TriggerType.DEVELOPMENT_DIALOGUE, "utviklingssamtalen viser ikke ønsket utvikling",
            TriggerType.REPORTING_DEVIATION, "avvik i årsrapporteringen",
            TriggerType.DIFFERENTIATION, "differensieringsanalysen viser flere områder med negativ utvikling");

    @Transactional(readOnly = true)
    public List<FollowUpCase> forOperator(long operatorId) {
        return cases.findByOperatorIdOrderByStartedAtDesc(operatorId);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    public List<Trigger> triggers(long caseId) {
        return caseTriggers.ofCase(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<FollowUpCase> findCase(long caseId) {
        return cases.findById(caseId);
    }

    FollowUpCase load(long caseId) {
        return cases.findForUpdate(caseId).orElseThrow(() -> new NotFoundException("follow-up " + caseId));
    }
}
