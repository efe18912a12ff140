package no.siva.programflyt.tasks;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import no.siva.programflyt.shared.DueSoon;

/** A user task as the application's task list holds it: the projection of one job-based BPMN user task. */
@Entity
public class UserTask {

    public static final String OPEN = "OPEN";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELED = "CANCELED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long jobKey;
    private long processInstanceKey;
    private String bpmnProcessId;
    private String elementId;
    private String name;
    private String formId;
    private String candidateGroups;
    private String assignee;
    private Instant dueAt;
    private Instant followUpAt;
    private String state;
    private String caseType;
    private Long caseId;
    private String businessKey;
    private String caseTitle;
    private String countyCode;
    private Long operatorId;
    private Long subjectId;
    private Instant createdAt;
    private Instant completedAt;
    private String completedBy;
    @Version
    private long version;

    protected UserTask() {}

    public List<String> candidateGroupList() {
        return Arrays.stream(candidateGroups.split(",")).filter(s -> !s.isBlank()).toList();
    }

    /** Due on one of the next {@code window} days ({@link DueSoon}), not yet overdue. */
    public boolean dueSoon(Instant now, Duration window) {
        return dueAt != null && !overdue(now) && dueAt.isBefore(DueSoon.limit(now, window));
    }

    public boolean overdue(Instant now) {
        return OPEN.equals(state) && dueAt != null && dueAt.isBefore(now);
    }

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    public Long getId() {
        return id;
    }

    public long getJobKey() {
        return jobKey;
    }

    public long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public String getBpmnProcessId() {
        return bpmnProcessId;
    }

    public String getElementId() {
        return elementId;
    }

    public String getName() {
        return name;
    }

    public String getFormId() {
        return formId;
    }

    public String getCandidateGroups() {
        return candidateGroups;
    }

    public String getAssignee() {
        return assignee;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getFollowUpAt() {
        return followUpAt;
    }

    public String getState() {
        return state;
    }

    public String getCaseType() {
        return caseType;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getBusinessKey() {
        return businessKey;
    }

    public String getCaseTitle() {
        return caseTitle;
    }

    public String getCountyCode() {
        return countyCode;
    }

    /** The item within the case this task is about (e.g. one obligation of a reporting year), or null. */
    public Long getSubjectId() {
        return subjectId;
    }

    public Long getOperatorId() {
        return operatorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getCompletedBy() {
        return completedBy;
    }
}
