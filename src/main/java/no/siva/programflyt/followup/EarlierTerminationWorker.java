package no.siva.programflyt.followup;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/**
 * The job {@code followup.terminate} of the follow-up's model before 7 December 2026: an instance started on that
 * version keeps it and can still reach «Opphev samarbeidsavtalen og avvikle» ({@link EarlierTermination}). This worker
 * can go when Operate shows no running instance of a version before that day.
 */
@Component
public class EarlierTerminationWorker {

    private final EarlierTermination termination;

    EarlierTerminationWorker(EarlierTermination termination) {
        this.termination = termination;
    }

    @JobWorker(type = "followup.terminate", autoComplete = true, timeout = 60_000, fetchVariables = {"caseId"})
    public void terminate(@Variable long caseId) {
        termination.terminate(caseId);
    }
}
