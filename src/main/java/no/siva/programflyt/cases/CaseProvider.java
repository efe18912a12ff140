package no.siva.programflyt.cases;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Implemented once per process module; lets generic pages (tasks, audit) find and scope-check cases. */
public interface CaseProvider {

    /** The case type this provider answers for, e.g. "ADMISSION". */
    String caseType();

    /** The BPMN process ids whose instances carry this provider's cases (a process and the ones it calls). */
    Set<String> bpmnProcessIds();

    Optional<CaseInfo> find(long caseId);

    /** The process whose diagram shows the case (the one its instance runs; called processes are drawn inside it). */
    default String mainProcessId() {
        return bpmnProcessIds().size() == 1 ? bpmnProcessIds().iterator().next() : null;
    }

    /** Started, ended and year of a case, for the overview. */
    default CaseFacts facts(long caseId) {
        return CaseFacts.NONE;
    }

    /** This provider's cases about one operator (its admission, its follow-ups), newest first; none by default. */
    default List<Long> casesOfOperator(long operatorId) {
        return List.of();
    }

    /** Cases of this provider whose state follows an event of another case (e.g. a round's county parts). */
    default List<Long> followers(String caseType, long caseId) {
        return List.of();
    }
}
