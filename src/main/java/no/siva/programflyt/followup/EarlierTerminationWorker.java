package no.siva.programflyt.followup;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import no.siva.programflyt.targetcompany.TargetCompanyService;
import no.siva.programflyt.tasks.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The termination as one job ({@code followup.terminate}), as the follow-up's model had it before 7 December 2026.
 * An instance started on such a version keeps it and can still reach «Opphev samarbeidsavtalen og avvikle»; this
 * worker does there what the current model does in seven tasks, in the same order and, as the earlier version did,
 * in one transaction; each step is idempotent on its own, so a redelivered job repeats nothing. The reporting module stops the calendar on {@link OperatorTerminated} (it
 * uses this module, not the other way round). It can go when Operate shows no running instance of those versions.
 */
@Component
public class EarlierTerminationWorker {

    private final FollowUpSteps steps;
    private final FollowUpService cases;
    private final TargetCompanyService targetCompanies;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    EarlierTerminationWorker(FollowUpSteps steps, FollowUpService cases, TargetCompanyService targetCompanies,
                             TaskService tasks, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.steps = steps;
        this.cases = cases;
        this.targetCompanies = targetCompanies;
        this.tasks = tasks;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @JobWorker(type = "followup.terminate", autoComplete = true, timeout = 60_000, fetchVariables = {"caseId"})
    public void terminate(@Variable long caseId) {
        tx.executeWithoutResult(status -> terminateCase(caseId));
    }

    private void terminateCase(long caseId) {
        long operatorId = cases.load(caseId).getOperatorId();
        String reason = steps.revokeAgreement(caseId);
        steps.terminateOperator(caseId, reason);
        events.publishEvent(new OperatorTerminated(operatorId, reason));
        for (long withdrawn : targetCompanies.windDown(operatorId, LocalDate.now(clock), reason)) {
            tasks.cancelOpen(TargetCompanyService.CASE_TYPE, withdrawn, Set.of(TargetCompanyService.PROCESS_ID,
                    TargetCompanyService.ADMISSION_PROCESS_ID), "operatøren er tatt ut av programmet");
        }
        steps.closeTerminated(caseId);
        steps.terminationLetter(caseId);
        steps.sendTermination(caseId);
    }
}
