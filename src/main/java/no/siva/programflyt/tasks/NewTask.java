package no.siva.programflyt.tasks;

import java.time.Instant;

/** The values a new task row is projected from (read from the job and its headers). */
record NewTask(long jobKey, long processInstanceKey, String bpmnProcessId, String elementId, String name,
               String formId, String candidateGroups, String assignee, Instant dueAt, Instant followUpAt,
               String caseType, Long caseId, String businessKey, String caseTitle, String countyCode, Long operatorId,
               Long subjectId) {}
