package no.siva.programflyt.incidents;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A job that failed for good: the engine holds an incident; this row makes it visible and retryable. */
@Entity
public class Incident {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long jobKey;
    private long processInstanceKey;
    private String bpmnProcessId;
    private String elementId;
    private String jobType;
    private String errorMessage;
    private String caseType;
    private Long caseId;
    private String businessKey;
    private Instant createdAt;
    private Instant resolvedAt;
    private String resolvedBy;

    protected Incident() {}

    void resolve(String by, Instant at) {
        resolvedAt = at;
        resolvedBy = by;
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

    public String getJobType() {
        return jobType;
    }

    public String getErrorMessage() {
        return errorMessage;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }
}
