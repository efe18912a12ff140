package no.siva.programflyt.evaluation;

import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import org.springframework.stereotype.Component;

/** The evaluation as a case for the task list, the audit trail and the overview: Siva sees it, no county or operator. */
@Component
class EvaluationCaseProvider implements CaseProvider {

    private final ProgrammeEvaluations evaluations;

    EvaluationCaseProvider(ProgrammeEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public String caseType() {
        return ProgrammeEvaluations.CASE_TYPE;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(ProgrammeEvaluations.PROCESS_ID);
    }

    @Override
    public Optional<CaseInfo> find(long caseId) {
        return evaluations.find(caseId).map(e -> new CaseInfo(ProgrammeEvaluations.CASE_TYPE, e.id(),
                "Midtveisevaluering av programmet " + e.year(), String.valueOf(e.year()), null, Set.of(), null,
                e.done() ? "evaluation.stage.done" : "evaluation.stage.open", "/evaluations/" + e.id()));
    }

    @Override
    public CaseFacts facts(long caseId) {
        return evaluations.find(caseId).map(e -> new CaseFacts(e.createdAt(), e.completedAt(), e.year()))
                .orElse(CaseFacts.NONE);
    }
}
