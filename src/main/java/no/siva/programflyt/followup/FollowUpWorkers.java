package no.siva.programflyt.followup;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The follow-up processes' service tasks: one small worker per job type, each reading the case id and delegating to
 * {@link FollowUpSteps}. Completion is automatic (explicitly); failures go through the retry back-off strategy.
 */
@Component
public class FollowUpWorkers {

    private static final long TIMEOUT = 60_000;

    private final FollowUpSteps steps;

    public FollowUpWorkers(FollowUpSteps steps) {
        this.steps = steps;
    }

    @JobWorker(type = "followup.raise", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"operatorId", "trigger", "evidence",
            "source", "raisedBy", "flaggedByRound", "flaggedOn"})
    public Map<String, Object> raise(@Variable long operatorId, @Variable String trigger, @Variable String evidence,
                                     @Variable String source, @Variable String raisedBy, @Variable Long flaggedByRound,
                                     @Variable String flaggedOn) {
        return Map.of("caseId", steps.raise(operatorId, trigger, evidence, source, raisedBy,
                flaggedByRound == null || flaggedByRound == 0 ? null : flaggedByRound,
                flaggedOn == null || flaggedOn.isBlank() ? null : LocalDate.parse(flaggedOn)));
    }

    @JobWorker(type = "followup.inform-start", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public void informStart(@Variable long caseId) {
        steps.informStart(caseId);
    }

    @JobWorker(type = "followup.remind", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public void remind(@Variable long caseId) {
        steps.remind(caseId);
    }

    @JobWorker(type = "followup.escalate", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public void escalate(@Variable long caseId) {
        steps.escalate(caseId);
    }

    @JobWorker(type = "followup.continue", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public Map<String, Object> continueCase(@Variable long caseId) {
        return steps.continueCase(caseId);
    }

    @JobWorker(type = "followup.county-disagrees", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public void countyDisagrees(@Variable long caseId) {
        steps.countyDisagrees(caseId);
    }

    /** The termination's steps, in the model's order; the reporting and target-company steps are their modules'. */
    @JobWorker(type = "followup.revoke-agreement", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public Map<String, Object> revokeAgreement(@Variable long caseId) {
        return Map.of("terminationReason", steps.revokeAgreement(caseId));
    }

    /** The operator's status, changed and audited once. */
    @JobWorker(type = "followup.terminate-operator", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId",
            "terminationReason"})
    public void terminateOperator(@Variable long caseId, @Variable String terminationReason) {
        steps.terminateOperator(caseId, terminationReason);
    }

    /** Closed once; a closed case is left as it is. */
    @JobWorker(type = "followup.close-terminated", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public void closeTerminated(@Variable long caseId) {
        steps.closeTerminated(caseId);
    }

    /**
     * The letter is stored once per case and kind (AVSLUTNINGSBREV): a redelivered job renders it again but stores no
     * second one.
     */
    @JobWorker(type = "followup.termination-letter", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public void terminationLetter(@Variable long caseId) {
        steps.terminationLetter(caseId);
    }

    /** Queued once per case, step and recipient in the outbox, with the stored letter attached. */
    @JobWorker(type = "followup.send-termination", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public void sendTermination(@Variable long caseId) {
        steps.sendTermination(caseId);
    }

    @JobWorker(type = "followup.close-analysis", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public void closeAnalysis(@Variable long caseId) {
        steps.closeAnalysis(caseId);
    }
}
