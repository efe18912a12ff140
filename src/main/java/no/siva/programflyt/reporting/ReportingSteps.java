package no.siva.programflyt.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the reporting processes' service tasks do. Each obligation row is locked while a step runs; every e-mail is
 * keyed by obligation, occasion and recipient, so a redelivered job sends nothing twice, and no reminder goes out for
 * an obligation that is already done or waiting for Siva.
 */
@Service
class ReportingSteps {

    private final ReportingService reporting;
    private final NotificationService notifications;
    private final AppUserRepository users;
    private final OperatorRepository operators;
    private final AuditService audit;
    private final ObligationRows obligations;
    private final UserTaskRepository tasks;
    private final String baseUrl;
    private final String sivaMailbox;

    ReportingSteps(ReportingService reporting, NotificationService notifications, AppUserRepository users,
                   OperatorRepository operators, AuditService audit, ObligationRows obligations,
                   UserTaskRepository tasks,
                   @Value("${programflyt.base-url}") String baseUrl,
                   @Value("${programflyt.siva-mailbox}") String sivaMailbox) {
        this.reporting = reporting;
        this.notifications = notifications;
        this.users = users;
        this.operators = operators;
        this.audit = audit;
        this.obligations = obligations;
        this.tasks = tasks;
        this.baseUrl = baseUrl;
        this.sivaMailbox = sivaMailbox;
    }

    /** New year: a calendar for every operator still in the programme (each once per year; see startYear). */
    public int startAll(int year) {
        int n = 0;
        for (Operator o : operators.findAllByOrderByName()) {
            if (reporting.startYear(o.getId(), year).isPresent()) {
                n++;
            }
        }
        return n;
    }

    @Transactional
    public void open(long obligationId) {
        ReportingService.Row r = reporting.lockRow(obligationId);
        if ("PLANNED".equals(r.status())) {
            reporting.setStatus(obligationId, "OPEN");
        }
    }

    @Transactional
    public void remind(long obligationId, int reminderNo, String taskUrl) {
        ReportingService.Row r = reporting.lockRow(obligationId);
        if (!"OPEN".equals(r.status()) && !"REJECTED".equals(r.status())) {
            return;   // delivered or done: no reminder
        }
        // a direct link to the obligation's open task, where there is one
        String url = tasks.findFirstBySubjectIdAndCaseTypeAndElementIdAndStateOrderById(obligationId,
                ReportingService.CASE_TYPE, "levere", "OPEN").map(t -> baseUrl + "/tasks/" + t.getId()).orElse(taskUrl);
        for (String to : operatorStaff(r.operatorId())) {
            send(r, "reminder-" + reminderNo, to, "reporting-reminder", url);
        }
    }

    @Transactional
    public void escalate(long obligationId) {
        ReportingService.Row r = reporting.lockRow(obligationId);
        if (!"OPEN".equals(r.status()) && !"REJECTED".equals(r.status())) {
            return;
        }
        send(r, "escalation", caseHandler(r.operatorId()), "reporting-escalation", baseUrl + "/reporting");
        audit.record(AuditService.SYSTEM, "ESCALATED", ReportingService.CASE_TYPE, r.reportingYearId(), null,
                "Fristen " + new Formats().date(r.dueDate()) + " er passert: " + r.code().taskName(), null);
    }

    @Transactional
    public void reject(long obligationId) {
        ReportingService.Row r = reporting.lockRow(obligationId);
        for (String to : operatorStaff(r.operatorId())) {
            // keyed by the rejection's time: each rejection is told once
            send(r, "rejected-" + rejectionStamp(obligationId), to, "reporting-rejected", baseUrl + "/reporting");
        }
    }

    @Transactional
    public void done(long obligationId) {
        ReportingService.Row r = reporting.lockRow(obligationId);
        if (!r.done()) {
            reporting.setStatus(obligationId, "DONE");
            audit.record(AuditService.SYSTEM, "OBLIGATION_DONE", ReportingService.CASE_TYPE, r.reportingYearId(), null,
                    "Oppfylt: " + r.code().taskName(), null);
        }
    }

    private void send(ReportingService.Row r, String occasion, String to, String template, String url) {
        Operator o = operators.findById(r.operatorId()).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("obligation", r);
        model.put("title", r.code().taskName());
        model.put("operator", o);
        model.put("due", new Formats().date(r.dueDate()));
        model.put("url", url);
        model.put("subjectArgs", new Object[] {r.code().taskName(), new Formats().date(r.dueDate())});
        notifications.enqueue("reporting:" + r.id() + ":" + occasion + ":" + to, to, template, model,
                ReportingService.CASE_TYPE, r.reportingYearId());
    }

    private List<String> operatorStaff(long operatorId) {
        return users.findOperatorStaff(operatorId).stream().map(AppUser::getEmail).toList();
    }

    /** The operator's Siva contact (by name), else Siva's shared mailbox. */
    private String caseHandler(long operatorId) {
        String contact = operators.findById(operatorId).map(Operator::getSivaContact).orElse(null);
        return users.caseHandlerEmail(contact).orElse(sivaMailbox);
    }

    private String rejectionStamp(long obligationId) {
        return obligations.reviewStamp(obligationId).orElse("0");
    }
}
