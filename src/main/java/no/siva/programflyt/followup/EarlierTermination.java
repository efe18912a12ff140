package no.siva.programflyt.followup;

import no.siva.programflyt.targetcompany.OperatorWindDown;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The termination as the follow-up's model had it before 7 December 2026: one job for all of it
 * ({@link EarlierTerminationWorker}). It does the current model's seven steps in the same order and, as that version
 * did, in one transaction: the agreement revoked, the operator terminated, the reporting stopped (the reporting module
 * acts on {@link OperatorTerminated}, since it uses this module and not the other way round), the target companies
 * wound down, the case closed, the letter stored and sent. Each step is idempotent on its own, so a redelivered job
 * adds no second letter, mail or status change. As before, the engine commands of the reporting stop and the wind-down
 * are not undone if a later step fails; the job's retry then finds them done.
 */
@Service
class EarlierTermination {

    private final FollowUpSteps steps;
    private final FollowUpService cases;
    private final OperatorWindDown windDown;
    private final ApplicationEventPublisher events;

    EarlierTermination(FollowUpSteps steps, FollowUpService cases, OperatorWindDown windDown,
                       ApplicationEventPublisher events) {
        this.steps = steps;
        this.cases = cases;
        this.windDown = windDown;
        this.events = events;
    }

    @Transactional
    public void terminate(long caseId) {
        long operatorId = cases.load(caseId).getOperatorId();
        String reason = steps.revokeAgreement(caseId);
        steps.terminateOperator(caseId, reason);
        events.publishEvent(new OperatorTerminated(operatorId, reason));
        windDown.windDown(operatorId, reason);
        steps.closeTerminated(caseId);
        steps.terminationLetter(caseId);
        steps.sendTermination(caseId);
    }
}
