package no.siva.programflyt.shared;

import java.util.Optional;

/** Implemented once per process module; lets generic pages (tasks, audit) find and scope-check cases. */
public interface CaseProvider {

    /** The case type this provider answers for, e.g. "ADMISSION". */
    String caseType();

    /** The BPMN process ids whose instances carry this provider's cases (a process and the ones it calls). */
    java.util.Set<String> bpmnProcessIds();

    Optional<CaseInfo> find(long caseId);
}
