package no.siva.programflyt.targetcompany;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The target-company processes' service tasks: one small worker per job type, delegating to {@link TargetCompanySteps}. */
@Component
public class TargetCompanyWorkers {

    private static final long TIMEOUT = 60_000;

    private final TargetCompanySteps steps;
    private final OperatorWindDown windDown;

    public TargetCompanyWorkers(TargetCompanySteps steps, OperatorWindDown windDown) {
        this.steps = steps;
        this.windDown = windDown;
    }

    @JobWorker(type = "targetcompany.check-eligibility", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "businessKey"})
    public Map<String, Object> checkEligibility(@Variable long caseId) {
        return Map.of("eligibility", steps.checkEligibility(caseId));
    }

    @JobWorker(type = "targetcompany.refused", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public Map<String, Object> refused(@Variable long caseId) {
        steps.refused(caseId);
        return Map.of("admitted", false);
    }

    @JobWorker(type = "targetcompany.admitted", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public Map<String, Object> admitted(@Variable long caseId) {
        return steps.admitted(caseId);
    }

    @JobWorker(type = "targetcompany.plan-year", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "yearNo"})
    public Map<String, Object> planYear(@Variable long caseId, @Variable Integer yearNo) {
        return steps.planYear(caseId, yearNo == null ? 0 : yearNo);
    }

    /** The reason comes with the exit message, or from the task's header (bankruptcy); none means the planned end. */
    @JobWorker(type = "targetcompany.exit", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId", "exitReason", "exitDate"})
    public Map<String, Object> exit(ActivatedJob job, @Variable long caseId, @Variable String exitReason,
                                    @Variable String exitDate) {
        String reason = job.getCustomHeaders().getOrDefault("exitReason", exitReason);
        return steps.exit(caseId, reason, exitDate);
    }

    /** The operator's cooperation agreement is revoked: its target companies are wound down (extraordinary follow-up). */
    @JobWorker(type = "targetcompany.wind-down-for-operator", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"operatorId",
            "reason"})
    public void windDownForOperator(@Variable long operatorId, @Variable String reason) {
        windDown.windDown(operatorId, reason);
    }

    @JobWorker(type = "targetcompany.remind-renewal", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public void remindRenewal(@Variable long caseId) {
        steps.remindRenewal(caseId);
    }

    @JobWorker(type = "targetcompany.exit-survey", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"caseId"})
    public void exitSurvey(@Variable long caseId) {
        steps.orderExitSurvey(caseId);
    }
}
