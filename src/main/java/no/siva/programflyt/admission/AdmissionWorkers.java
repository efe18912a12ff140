package no.siva.programflyt.admission;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.Map;
import no.siva.programflyt.processes.EngineCommands;
import no.siva.programflyt.processes.ProcessMessage;
import org.springframework.stereotype.Component;

/**
 * The admission process's service tasks: one small worker per job type, each reading the case id and delegating
 * to {@link AdmissionSteps}. Completion is automatic (explicitly); failures go through
 * {@link no.siva.programflyt.incidents.RetryWithBackoffStrategy}.
 */
@Component
public class AdmissionWorkers {

    /** Message that starts an operator's yearly reporting calendar (process 5, issue 8), keyed by operator id. */
    public static final ProcessMessage REPORTING_CALENDAR_MESSAGE = ProcessMessage.start("rapporteringskalender-start");
    private static final long TIMEOUT = 60_000;

    private final AdmissionSteps steps;
    private final EngineCommands engine;

    public AdmissionWorkers(AdmissionSteps steps, EngineCommands engine) {
        this.steps = steps;
        this.engine = engine;
    }

    @JobWorker(type = "admission.lookup-register", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void lookupRegister(@Variable long caseId) {
        steps.lookupRegister(caseId);
    }

    @JobWorker(type = "admission.notify-commission", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void notifyCommission(@Variable long caseId) {
        steps.notifyCommissionReceived(caseId);
    }

    @JobWorker(type = "admission.send-not-qualified", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void sendNotQualified(@Variable long caseId) {
        steps.sendNotQualifiedLetters(caseId);
    }

    @JobWorker(type = "admission.send-proposal", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void sendProposal(@Variable long caseId) {
        steps.sendProposal(caseId);
    }

    @JobWorker(type = "admission.notify-rejection", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void notifyRejection(@Variable long caseId) {
        steps.notifyRejection(caseId);
    }

    @JobWorker(type = "admission.send-recommendation", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void sendRecommendation(@Variable long caseId) {
        steps.sendRecommendation(caseId);
    }

    @JobWorker(type = "admission.admit-operator", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public Map<String, Object> admitOperator(@Variable long caseId) {
        return Map.of("operatorId", steps.admitOperator(caseId));
    }

    @JobWorker(type = "admission.grant-letter", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void grantLetter(@Variable long caseId) {
        steps.sendGrantLetter(caseId);
    }

    @JobWorker(type = "admission.remind-pilot-end", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void remindPilotEnd(ActivatedJob job, @Variable long caseId) {
        steps.remindPilotEnd(caseId, job.getKey());
    }

    @JobWorker(type = "admission.escalate-pilot-overdue", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId",
            "businessKey"})
    public void escalatePilotOverdue(ActivatedJob job, @Variable long caseId) {
        steps.escalatePilotOverdue(caseId, job.getKey());
    }

    @JobWorker(type = "admission.remind-county", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void remindCounty(ActivatedJob job, @Variable long caseId) {
        steps.remindCounty(caseId, job.getKey());
    }

    /**
     * Marks onboarding complete and publishes the message that starts the operator's reporting calendar. The message
     * id makes a second delivery a no-op in the engine (duplicate ids are rejected while the first is buffered).
     */
    @JobWorker(type = "admission.start-reporting-calendar", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId",
            "businessKey", "operatorId"})
    public void startReportingCalendar(@Variable long caseId, @Variable long operatorId) {
        steps.completeOnboarding(caseId);
        engine.publishOnce(REPORTING_CALENDAR_MESSAGE, Long.toString(operatorId),
                REPORTING_CALENDAR_MESSAGE.idFor(Long.toString(operatorId)),
                Duration.ofDays(1), Map.of("operatorId", operatorId));
    }
}
