package no.siva.programflyt.evaluation;

import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.tasks.TaskService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The evaluation's page: for Siva only (counties and operators get a 404, as for any case they may not see). */
@Controller
class EvaluationController {

    private final ProgrammeEvaluations evaluations;
    private final AuditService audit;
    private final TaskService tasks;

    EvaluationController(ProgrammeEvaluations evaluations, AuditService audit, TaskService tasks) {
        this.evaluations = evaluations;
        this.audit = audit;
        this.tasks = tasks;
    }

    @GetMapping("/evaluations/{id}")
    public String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        if (!user.hasNationalScope()) {
            throw new NotFoundException("evaluation " + id);
        }
        model.addAttribute("e", evaluations.find(id).orElseThrow(() -> new NotFoundException("evaluation " + id)));
        model.addAttribute("tasks", tasks.forCase(ProgrammeEvaluations.CASE_TYPE, id));
        model.addAttribute("history", audit.forCase(ProgrammeEvaluations.CASE_TYPE, id));
        return "evaluation/case";
    }
}
