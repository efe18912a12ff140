package no.siva.programflyt.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One line of the append-only audit trail (the table refuses updates and deletes). */
@Entity
@Immutable
public class AuditEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    private String actor;
    private String action;
    private String caseType;
    private Long caseId;
    private String businessKey;
    private String summary;
    private String details;

    protected AuditEvent() {}

    AuditEvent(String actor, String action, String caseType, Long caseId, String businessKey, String summary,
               String details, Instant occurredAt) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.caseType = caseType;
        this.caseId = caseId;
        this.businessKey = businessKey;
        this.summary = summary;
        this.details = details;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
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

    public String getSummary() {
        return summary;
    }

    public String getDetails() {
        return details;
    }
}
