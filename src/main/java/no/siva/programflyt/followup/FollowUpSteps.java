package no.siva.programflyt.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.documents.Document;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.documents.PdfRenderer;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.registry.CooperationAgreementRepository;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorService;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the follow-up process's service tasks do. Each step loads its case FOR UPDATE and keys every side effect
 * (letter by case and kind, e-mail by case, step and recipient, the wind-down by operator), so a job delivered twice
 * has one effect.
 */
@Service
class FollowUpSteps {

    static final String START_LETTER = "OPPFOLGINGSBREV";
    static final String CONTINUE_LETTER = "KONKLUSJONSBREV";
    static final String TERMINATION_LETTER = "AVSLUTNINGSBREV";

    private final FollowUpService service;
    private final FollowUpWork followUpWork;
    private final FollowUpProperties config;
    private final FollowUpMail mail;
    private final OperatorRepository operators;
    private final CooperationAgreementRepository agreements;
    private final UserTaskRepository taskRows;
    private final DocumentService documents;
    private final PdfRenderer pdf;
    private final Labels labels;
    private final AuditService audit;

    private final Clock clock;

    public FollowUpSteps(Clock clock, FollowUpService service, FollowUpWork followUpWork, FollowUpProperties config, FollowUpMail mail,
                         OperatorRepository operators, CooperationAgreementRepository agreements,
                         UserTaskRepository taskRows, DocumentService documents, PdfRenderer pdf, Labels labels,
                         AuditService audit) {
        this.clock = clock;
        this.service = service;
        this.followUpWork = followUpWork;
        this.config = config;
        this.mail = mail;
        this.operators = operators;
        this.agreements = agreements;
        this.taskRows = taskRows;
        this.documents = documents;
        this.pdf = pdf;
        this.labels = labels;
        this.audit = audit;
    }

    /** The county and the operator are told at the start, with a letter that names the triggers and the deadline. */
    @Transactional
    public void informStart(long caseId) {
        FollowUpCase c = service.load(caseId);
        Operator o = operator(c);
        Document letter = letter(c, o, START_LETTER, "letters/oppfolging-start", Map.of());
        mail.send("started", NotificationService.recipients(mail.county(c), mail.operatorStaff(c), List.of(mail.sivaContact(o))),
                "followup-started", c, o, Map.of("triggers", service.triggers(caseId)), letter.getId());
    }

    /** Three months have passed: the case handler holding the task (else the operator's Siva contact) is reminded. */
    @Transactional
    public void remind(long caseId) {
        FollowUpCase c = service.load(caseId);
        Operator o = operator(c);
        mail.send("reminder", List.of(holder(c).orElse(mail.sivaContact(o))), "followup-reminder", c, o, Map.of(), null);
    }

    /** Six months without a conclusion: the project leaders are told. */
    @Transactional
    public void escalate(long caseId) {
        FollowUpCase c = service.load(caseId);
        Operator o = operator(c);
        mail.send("escalation", mail.projectLeaders(), "followup-escalation", c, o, Map.of(), null);
        audit.record(AuditService.SYSTEM, "FOLLOW_UP_ESCALATED", FollowUpService.CASE_TYPE, c.getId(), c.getOrgNumber(),
                "Ingen konklusjon etter seks måneder: prosjektleder er varslet", null);
    }

    /**
     * Continue: the measures agreed on the case become one follow-up task each, and the limited differentiation
     * analysis is due a year after the analysis that flagged the operator (§7.1), or a year after the conclusion when
     * no analysis did. A letter goes to the operator and the county.
     */
    @Transactional
    public Map<String, Object> continueCase(long caseId) {
        FollowUpCase c = service.load(caseId);
        Operator o = operator(c);
        if (c.getAnalysisDue() == null) {
            // §7.1: «begrenset differensieringsanalyse av disse etter ett år» -- a year after the analysis that raised
            // the follow-up; a follow-up raised otherwise (dialogue, reporting, by hand) a year after its conclusion
            LocalDate concluded = c.getConcludedAt().atZone(Formats.OSLO).toLocalDate();
            LocalDate due = c.getFlaggedOn() != null ? c.getFlaggedOn().plus(config.analysisAfter())
                    : concluded.plus(config.analysisAfter());
            c.continued(due.isAfter(concluded) ? due : concluded.plusDays(1));
        }
        List<FollowUpWork.Measure> agreed = followUpWork.measures(caseId);
        List<Map<String, Object>> measures = new ArrayList<>();
        for (FollowUpWork.Measure m : agreed) {
            if (!m.done()) {
                Map<String, Object> v = new HashMap<>();
                v.put("measureId", m.id());
                v.put("taskName", "Tiltak: " + shorten(m.description()) + " (" + m.owner() + ")");
                v.put("dueAt", Formats.iso(m.dueDate(), 23, 59));
                measures.add(v);
            }
        }
        Document letter = letter(c, o, CONTINUE_LETTER, "letters/oppfolging-konklusjon",
                Map.of("measures", agreed, "terminate", false));
        mail.send("continue", NotificationService.recipients(mail.operatorStaff(c), mail.county(c)), "followup-continue", c, o,
                Map.of("measures", agreed), letter.getId());
        Map<String, Object> vars = new HashMap<>();
        vars.put("measures", measures);
        vars.put("analysisAt", Formats.iso(c.getAnalysisDue(), 8, 0));
        vars.put("analysisDueAt", Formats.iso(c.getAnalysisDue().plusMonths(1), 16, 0));
        return vars;
    }

    /** The county does not support termination: Siva is told, and the case goes back to Siva's assessment. */
    @Transactional
    public void countyDisagrees(long caseId) {
        FollowUpCase c = service.load(caseId);
        Operator o = operator(c);
        mail.send("county-disagrees-" + c.getCountyAt().toEpochMilli(), List.of(mail.sivaContact(o)),
                "followup-county-disagrees", c, o, Map.of(), null);
    }

    /**
     * Terminate, after the county's consultation: the first of the steps the model shows (extraordinary-follow-up,
     * «Avslutt samarbeidet»). The cooperation agreement is revoked; the reason it gives is the one the later steps
     * (the operator's status, its reporting calendar, its target companies) record.
     */
    @Transactional
    public String revokeAgreement(long caseId) {
        FollowUpCase c = service.load(caseId);
        String reason = "samarbeidsavtalen er opphevet etter ekstraordinær oppfølging (sak " + c.getId() + ")";
        agreements.findByOperatorId(c.getOperatorId()).ifPresent(a -> a.revoke(LocalDate.now(clock), reason));
        return reason;
    }

    /** The operator's status becomes terminated, once. */
    @Transactional
    public void terminateOperator(long caseId, String reason) {
        FollowUpCase c = service.load(caseId);
        Operator o = operator(c);
        if (o.getStatus() != OperatorStatus.TERMINATED) {
            o.changeStatus(OperatorStatus.TERMINATED);
            audit.record(AuditService.SYSTEM, "OPERATOR_TERMINATED", FollowUpService.CASE_TYPE, c.getId(), c.getOrgNumber(),
                    o.getName() + " er tatt ut av programmet " + new Formats().date(LocalDate.now(clock)) + ": " + reason,
                    null);
        }
    }

    /** The follow-up case closes as terminated, once. */
    @Transactional
    public void closeTerminated(long caseId) {
        FollowUpCase c = service.load(caseId);
        if (!c.isClosed()) {
            c.close(FollowUpStatus.TERMINATED, clock.instant());
        }
    }

    /** The termination letter, stored once per case. */
    @Transactional
    public void terminationLetter(long caseId) {
        FollowUpCase c = service.load(caseId);
        letter(c, operator(c), TERMINATION_LETTER, "letters/oppfolging-konklusjon",
                Map.of("measures", List.of(), "terminate", true));
    }

    /** The termination letter to the operator, the county and Siva's contact, once per recipient. */
    @Transactional
    public void sendTermination(long caseId) {
        FollowUpCase c = service.load(caseId);
        Operator o = operator(c);
        Document letter = documents.generated(FollowUpService.CASE_TYPE, c.getId(), TERMINATION_LETTER).orElseThrow(
                () -> new IllegalStateException("the termination letter of follow-up " + caseId + " is not written yet"));
        mail.send("terminated", NotificationService.recipients(mail.operatorStaff(c), mail.county(c), List.of(mail.sivaContact(o))),
                "followup-terminated", c, o, Map.of(), letter.getId());
    }

    /** The limited analysis kept the operator in the programme (same level or a lower grant): the case closes. */
    @Transactional
    public void closeAnalysis(long caseId) {
        FollowUpCase c = service.load(caseId);
        Operator o = operator(c);
        if (!c.isClosed()) {
            c.close(FollowUpStatus.CONTINUES, clock.instant());
            o.changeStatus(OperatorStatus.ACTIVE);
            audit.record(AuditService.SYSTEM, "FOLLOW_UP_CLOSED", FollowUpService.CASE_TYPE, c.getId(), c.getOrgNumber(),
                    "Oppfølgingen er avsluttet; operatøren fortsetter i programmet ("
                            + ("REDUCED_GRANT".equals(c.getAnalysisOutcome()) ? "lavere tilskudd" : "samme nivå") + ")",
                    null);
        }
        mail.send("analysis", NotificationService.recipients(mail.operatorStaff(c), mail.county(c)), "followup-analysis", c, o,
                Map.of(), null);
    }

    /** A trigger message from another process (follow-up-trigger). */
    public long raise(long operatorId, String trigger, String evidence, String source, String raisedBy, Long roundId,
                      LocalDate flaggedOn) {
        try {
            return service.raise(operatorId, TriggerType.valueOf(trigger), evidence, source,
                    raisedBy == null ? AuditService.SYSTEM : raisedBy, roundId, flaggedOn).caseId();
        } catch (BusinessRuleException e) {
            Operator o = operators.findById(operatorId).orElseThrow();
            audit.record(AuditService.SYSTEM, "FOLLOW_UP_TRIGGER_IGNORED", OperatorService.CASE_TYPE,
                    operatorId, o.getOrgNumber(), "Utløser for ekstraordinær oppfølging ble ikke registrert: operatøren er "
                            + "tatt ut av programmet (" + source + ")",
                    null);
            return 0L;
        }
    }

    private Document letter(FollowUpCase c, Operator o, String kind, String template, Map<String, Object> extra) {
        Formats f = new Formats();
        Map<String, Object> model = new HashMap<>(extra);
        model.put("c", c);
        model.put("operator", o);
        model.put("county", labels.county(c.getCountyCode()));
        model.put("triggers", service.triggers(c.getId()));
        model.put("triggerLabels", FollowUpService.TRIGGER_LABELS);
        model.put("started", f.date(c.getStartedAt()));
        model.put("reminder", f.date(c.getReminderAt()));
        model.put("deadline", f.date(c.getEscalateAt()));
        model.put("analysisDue", c.getAnalysisDue() == null ? "" : f.date(c.getAnalysisDue()));
        model.put("f", f);
        model.put("date", f.date(LocalDate.now(clock)));
        model.put("caseRef", "OPPFØLGING-" + c.getId());
        // the case handler who has the follow-up answers for the letter
        taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(FollowUpService.CASE_TYPE, c.getId()).stream()
                .filter(t -> "gjennomfore-oppfolging".equals(t.getElementId()) && t.getAssignee() != null)
                .map(UserTask::getAssignee).reduce((a, b) -> b).ifPresent(u -> model.put("contactUser", u));
        return documents.storeGenerated(FollowUpService.CASE_TYPE, c.getId(), kind,
                kind.toLowerCase() + "-" + c.getOrgNumber() + ".pdf", "application/pdf", pdf.render(template, model));
    }

    private Optional<String> holder(FollowUpCase c) {
        return taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(FollowUpService.CASE_TYPE, c.getId()).stream()
                .filter(t -> t.isOpen() && "gjennomfore-oppfolging".equals(t.getElementId()))
                .map(UserTask::getAssignee).filter(Objects::nonNull).findFirst()
                .flatMap(u -> mail.emailOf(u));
    }

    private Operator operator(FollowUpCase c) {
        return operators.findById(c.getOperatorId()).orElseThrow();
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }
}
