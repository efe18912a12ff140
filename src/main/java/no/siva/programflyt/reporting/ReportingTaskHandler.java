package no.siva.programflyt.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.followup.FollowUpTriggers;
import no.siva.programflyt.followup.TriggerType;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.registry.HourlyRate;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.targetcompany.survey.KtuSchedule;
import no.siva.programflyt.tasks.TaskCompletionHandler;
import no.siva.programflyt.tasks.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The operator's submission and Siva's review of each obligation. Target figures are kept per operator and year and
 * locked when Siva approves them.
 */
@Component
class ReportingTaskHandler implements TaskCompletionHandler {

    private final ReportingService reporting;
    private final TargetFigures figures;
    private final ObligationRows obligations;
    private final OperatorActivity activity;
    private final AuditService audit;
    private final MessageSource messages;

    private final FollowUpTriggers followUps;

    private final Clock clock;

    public ReportingTaskHandler(Clock clock, ReportingService reporting, TargetFigures figures, ObligationRows obligations,
                                OperatorActivity activity, AuditService audit,
                                MessageSource messages, FollowUpTriggers followUps) {
        this.clock = clock;
        this.followUps = followUps;
        this.reporting = reporting;
        this.figures = figures;
        this.obligations = obligations;
        this.activity = activity;
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(ReportingService.OBLIGATION_PROCESS_ID);
    }

    /**
     * What Programflyt already knows, before the operator is asked: the half-year aid report starts from the aid
     * ledger (first half of the year).
     */
    @Override
    public Map<String, List<String>> prefill(UserTask task) {
        if (!"levere".equals(task.getElementId()) || task.getSubjectId() == null) {
            return Map.of();
        }
        ReportingService.Row r = reporting.row(task.getSubjectId());
        if (r.code() != Obligation.HALF_YEAR_AID) {
            return Map.of();
        }
        OperatorActivity.Aid aid = activity.aid(r.operatorId(), LocalDate.of(r.year(), 1, 1), LocalDate.of(r.year(), 6, 30));
        return Map.of("stotteNok", List.of(aid.nok().stripTrailingZeros().toPlainString()),
                "antallBedrifter", List.of(Long.toString(aid.companies())));
    }

    /**
     * The quarterly registration lists the admissions and exits since the previous deadline, from the cases; Siva's
     * review of the auditor's confirmation shows it against the budget the operator gave for that year.
     */
    @Override
    public TaskPanel panel(UserTask task) {
        if ("kontrollere".equals(task.getElementId()) && task.getSubjectId() != null) {
            ReportingService.Row r = reporting.row(task.getSubjectId());
            if (r.code() == Obligation.TARGET_FIGURES) {
                Object share = figures.find(r.operatorId(), r.year()).map(f -> f.values().get("andelInnovasjonsstotte"))
                        .orElse(null);
                BigDecimal pct = share == null ? null : new BigDecimal(share.toString());
                Map<String, Object> model = new HashMap<>();
                model.put("share", pct);
                model.put("below", pct != null && pct.compareTo(INNOVATION_AID_MINIMUM) < 0);
                return new TaskPanel("reporting/panels", "targetFiguresCheck", model);
            }
            if (r.code() != Obligation.AUDITOR_CONFIRMATION) {
                return null;
            }
            BigDecimal costs = amount(r.id());
            // the confirmation in February covers last year; its budget was delivered the December before that
            BigDecimal budget = obligations.budget(r.operatorId(), r.year() - 2).orElse(null);
            Map<String, Object> model = new HashMap<>();
            model.put("costs", costs);
            model.put("budget", budget);
            model.put("costYear", r.year() - 1);
            model.put("over", budget != null && costs != null && costs.compareTo(budget) > 0 ? costs.subtract(budget) : null);
            return new TaskPanel("reporting/panels", "auditCheck", model);
        }
        if (!"levere".equals(task.getElementId()) || task.getSubjectId() == null) {
            return null;
        }
        ReportingService.Row r = reporting.row(task.getSubjectId());
        if (!r.code().isRegistration()) {
            return null;
        }
        LocalDate to = r.dueDate();
        LocalDate from = previousRegistrationDeadline(to).plusDays(1);
        var admitted = activity.admitted(r.operatorId(), from, to);
        var exited = activity.exited(r.operatorId(), from, to);
        return new TaskPanel("reporting/panels", "registrations", Map.of("from", from, "to", to, "admitted", admitted,
                "exited", exited));
    }

    private BigDecimal amount(long obligationId) {
        return obligations.amount(obligationId).orElse(null);
    }

    static LocalDate previousRegistrationDeadline(LocalDate deadline) {
        return KtuSchedule.registrationDeadlineBefore(
                YearMonth.from(deadline).minusMonths(2));
    }

    /** Siva's minimum share of target companies receiving innovation aid (§11.2). */
    static final BigDecimal INNOVATION_AID_MINIMUM = new BigDecimal("90");

    @Override
    public FormSubmission validate(UserTask task, FormSubmission s, Locale locale) {
        // §11.2: «Siva har et minimumskrav på 90 %» of target companies receiving innovation aid
        if ("kontrollere".equals(task.getElementId()) && "godkjent".equals(s.string("vurdering"))
                && (s.string("begrunnelse") == null || s.string("begrunnelse").isBlank())) {
            ReportingService.Row r = obligationOf(task);
            if (r.code() == Obligation.TARGET_FIGURES) {
                Object share = figures.find(r.operatorId(), r.year()).map(f -> f.values().get("andelInnovasjonsstotte"))
                        .orElse(null);
                BigDecimal pct = share == null ? null : new BigDecimal(share.toString());
                if (pct != null && pct.compareTo(INNOVATION_AID_MINIMUM) < 0) {
                    return s.withError("begrunnelse", messages.getMessage("reporting.error.innovationAidBelowMinimum",
                            new Object[] {pct.stripTrailingZeros().toPlainString()}, locale));
                }
            }
        }
        if ("kontrollere".equals(task.getElementId()) && "avvist".equals(s.string("vurdering"))
                && (s.string("begrunnelse") == null || s.string("begrunnelse").isBlank())) {
            return s.withError("begrunnelse", messages.getMessage("reporting.error.reasonRequired", null, locale));
        }
        if ("levere".equals(task.getElementId()) && "rapportering-budsjett".equals(task.getFormId())) {
            return HourlyRate.withProblems(s, HourlyRate
                    .budgetProblems(s.decimal("arslonn"), s.decimal("stillingsprosent"), s.decimal("timepris"),
                            s.decimal("timer"), s.decimal("belop"), "belop"),
                    messages, locale);
        }
        return s;
    }

    @Override
    public Map<String, Object> onComplete(UserTask task, FormSubmission s, CurrentUser user) {
        ReportingService.Row r = obligationOf(task);
        switch (task.getElementId()) {
            case "levere" -> {
                if (r.code() == Obligation.TARGET_FIGURES) {
                    Map<String, Object> values = new TreeMap<>(s.values());
                    figures.save(r.operatorId(), r.year(), values, user);
                }
                obligations.submitted(r.id(), r.code().review() ? "SUBMITTED" : "DELIVERED", user.username(), clock.instant(),
                        s.string("kommentar"), s.decimal("belop"));
                audit.record(user.username(), "OBLIGATION_SUBMITTED", ReportingService.CASE_TYPE, r.reportingYearId(),
                        task.getBusinessKey(), "Levert: " + r.code().taskName(), s.string("kommentar"));
                return Map.of();
            }
            case "kontrollere" -> {
                boolean approved = "godkjent".equals(s.string("vurdering"));
                obligations.reviewed(r.id(), approved ? "APPROVED" : "REJECTED", user.username(), clock.instant(),
                        approved ? null : s.string("begrunnelse"), approved && r.code() == Obligation.TARGET_FIGURES);
                if (approved && r.code() == Obligation.TARGET_FIGURES) {
                    figures.lock(r.operatorId(), r.year(), user);
                }
                audit.record(user.username(), approved ? "OBLIGATION_APPROVED" : "OBLIGATION_REJECTED",
                        ReportingService.CASE_TYPE, r.reportingYearId(), task.getBusinessKey(),
                        (approved ? "Godkjent: " : "Sendt tilbake: ") + r.code().taskName(), s.string("begrunnelse"));
                if (s.bool("avvik")) {   // T3: a deviation in the annual reporting raises an extraordinary follow-up
                    followUps.publishAfterCommit(r.operatorId(), TriggerType.REPORTING_DEVIATION,
                            "Avvik i rapporteringen " + r.year() + ": " + r.code().taskName()
                                    + (s.string("begrunnelse") == null ? "" : ". " + s.string("begrunnelse")),
                            "rapportering-" + r.id() + "-" + task.getId(), user.username());
                }
                return Map.of("approved", approved);
            }
            default -> throw new IllegalStateException("Unknown reporting task " + task.getElementId());
        }
    }

    private ReportingService.Row obligationOf(UserTask task) {
        return reporting.row(task.getSubjectId());
    }
}
