package no.siva.programflyt.evaluation;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.tasks.TaskCompletionHandler;
import no.siva.programflyt.tasks.UserTask;
import org.springframework.stereotype.Component;

/** Stores the follow-up of the mid-term evaluation in its case. */
@Component
class EvaluationTaskHandler implements TaskCompletionHandler {

    private final ProgrammeEvaluations evaluations;
    private final AuditService audit;

    EvaluationTaskHandler(ProgrammeEvaluations evaluations, AuditService audit) {
        this.evaluations = evaluations;
        this.audit = audit;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(ProgrammeEvaluations.PROCESS_ID);
    }

    @Override
    public Map<String, Object> onComplete(UserTask task, FormSubmission s, CurrentUser user) {
        evaluations.followedUp(task.getCaseId(), LocalDate.parse(s.string("utlyst")), s.string("leverandor"),
                s.string("hovedfunn"), s.string("oppfolging"), user.username());
        audit.record(user.username(), "EVALUATION_FOLLOWED_UP", ProgrammeEvaluations.CASE_TYPE, task.getCaseId(),
                task.getBusinessKey(), "Midtveisevalueringen er fulgt opp (gjennomført av " + s.string("leverandor") + ")",
                null);
        return Map.of();
    }
}
