package no.siva.programflyt.admission;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/**
 * The admission process's service tasks: one small worker per job type, each reading the case id and delegating.
 * Every side effect is keyed by case and step, so a job delivered twice has one effect. Completion is automatic
 * (explicitly), failures go through {@link no.siva.programflyt.incidents.RetryWithBackoffStrategy}.
 */
@Component
public class AdmissionWorkers {

    private static final long TIMEOUT = 60_000;

    private final AdmissionService admissions;

    public AdmissionWorkers(AdmissionService admissions) {
        this.admissions = admissions;
    }

    @JobWorker(type = "admission.notify-commission", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void notifyCommission(@Variable long caseId) {
        admissions.notifyCommissionReceived(caseId);
    }

    @JobWorker(type = "admission.send-not-qualified", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void sendNotQualified(@Variable long caseId) {
        admissions.sendNotQualifiedLetters(caseId);
    }

    @JobWorker(type = "admission.send-proposal", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void sendProposal(@Variable long caseId) {
        admissions.sendProposal(caseId);
    }

    @JobWorker(type = "admission.notify-rejection", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void notifyRejection(@Variable long caseId) {
        admissions.notifyRejection(caseId);
    }

    @JobWorker(type = "admission.admit-operator", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public void admitOperator(@Variable long caseId) {
        admissions.admitOperator(caseId);
    }
}
