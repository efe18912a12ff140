package no.siva.programflyt.differentiation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The round's service tasks: one small worker per job type, each reading the round id (and the county) and
 * delegating to {@link DifferentiationSteps}. Completion is explicit-automatic; failures retry with back-off.
 */
@Component
public class DifferentiationWorkers {

    private static final long TIMEOUT = 120_000;

    private final DifferentiationSteps steps;

    public DifferentiationWorkers(DifferentiationSteps steps) {
        this.steps = steps;
    }

    @JobWorker(type = "differentiation.plan", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"roundId"})
    public Map<String, Object> plan(ActivatedJob job, @Variable Long roundId) {
        return steps.plan(roundId, job.getProcessInstanceKey());
    }

    @JobWorker(type = "differentiation.limited-analysis", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"roundId"})
    public void limitedAnalysis(@Variable long roundId) {
        steps.limitedAnalysis(roundId);
    }

    @JobWorker(type = "differentiation.send-basis", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"roundId"})
    public Map<String, Object> sendBasis(@Variable long roundId) {
        return steps.sendBasis(roundId);
    }

    @JobWorker(type = "differentiation.brief-operators", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"roundId"})
    public void briefOperators(@Variable long roundId) {
        steps.briefOperators(roundId);
    }

    @JobWorker(type = "differentiation.remind", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"roundId", "countyCode"})
    public void remind(ActivatedJob job, @Variable long roundId, @Variable String countyCode) {
        steps.remind(roundId, job.getCustomHeaders().get("step"), countyCode, job.getElementInstanceKey());
    }

    @JobWorker(type = "differentiation.escalate", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"roundId", "countyCode"})
    public void escalate(ActivatedJob job, @Variable long roundId, @Variable String countyCode) {
        steps.escalate(roundId, job.getCustomHeaders().get("step"), countyCode, job.getElementInstanceKey());
    }

    @JobWorker(type = "differentiation.send-proposal", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"roundId", "countyCode"})
    public void sendProposal(ActivatedJob job, @Variable long roundId, @Variable String countyCode) {
        steps.sendProposal(roundId, countyCode, job.getElementInstanceKey());
    }

    @JobWorker(type = "differentiation.county-done", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"roundId", "countyCode"})
    public void countyDone(@Variable long roundId, @Variable String countyCode) {
        steps.countyDone(roundId, countyCode);
    }

    @JobWorker(type = "differentiation.notify", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"roundId"})
    public void notifyOperators(@Variable long roundId) {
        steps.notifyOperators(roundId);
    }

    @JobWorker(type = "differentiation.flag-follow-up", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"roundId"})
    public void flagFollowUp(@Variable long roundId) {
        steps.flagFollowUp(roundId);
    }

    @JobWorker(type = "differentiation.complete", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"roundId"})
    public void complete(@Variable long roundId) {
        steps.complete(roundId);
    }
}
