package no.siva.programflyt.evaluation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The evaluation process's service task. */
@Component
public class EvaluationWorkers {

    private final ProgrammeEvaluations evaluations;
    private final Clock clock;

    public EvaluationWorkers(Clock clock, ProgrammeEvaluations evaluations) {
        this.clock = clock;
        this.evaluations = evaluations;
    }

    @JobWorker(type = "evaluation.plan", autoComplete = true, timeout = 60_000, fetchVariables = {"caseId"})
    public Map<String, Object> plan(ActivatedJob job) {
        return evaluations.plan(LocalDate.now(clock).getYear(), job.getProcessInstanceKey());
    }
}
