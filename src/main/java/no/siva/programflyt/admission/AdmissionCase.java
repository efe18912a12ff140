package no.siva.programflyt.admission;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A county's commission to Siva and everything decided on it, from pilot project to admission or refusal. */
@Entity
public class AdmissionCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private ProjectType projectType;
    private String orgNumber;
    private String companyName;
    private String countyCode;
    private String companyEmail;
    private BigDecimal pilotBudget;
    private LocalDate pilotEndDate;
    private String description;
    @Enumerated(EnumType.STRING)
    private AdmissionStatus status;
    private Long processInstanceKey;
    private Boolean qualified;
    private String assessmentSummary;
    private BigDecimal proposedGrant;
    private String proposalJustification;
    private BigDecimal decidedGrant;
    private String countyReservations;
    private String decisionJustification;
    private Long operatorId;
    private String createdBy;
    private Instant createdAt;
    private Instant closedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "admission_criterion", joinColumns = @JoinColumn(name = "case_id"))
    @OrderBy("criterionNo")
    private List<AdmissionCriterion> criteria = new ArrayList<>();

    protected AdmissionCase() {
    }

    public AdmissionCase(ProjectType projectType, String orgNumber, String companyName, String countyCode,
                         String companyEmail, BigDecimal pilotBudget, LocalDate pilotEndDate, String description,
                         String createdBy) {
        this.projectType = projectType;
        this.orgNumber = orgNumber;
        this.companyName = companyName;
        this.countyCode = countyCode;
        this.companyEmail = companyEmail;
        this.pilotBudget = pilotBudget;
        this.pilotEndDate = pilotEndDate;
        this.description = description;
        this.createdBy = createdBy;
        this.status = AdmissionStatus.REGISTERED;
        this.createdAt = Instant.now();
    }

    void started(long processInstanceKey) {
        this.processInstanceKey = processInstanceKey;
    }

    void pilotProjectStarted() {
        if (status == AdmissionStatus.REGISTERED) {
            status = AdmissionStatus.PILOT_PROJECT;
        }
    }

    void assessed(List<AdmissionCriterion> assessed, boolean qualified, String summary) {
        this.criteria.clear();
        this.criteria.addAll(assessed);
        this.qualified = qualified;
        this.assessmentSummary = summary;
        this.status = qualified ? AdmissionStatus.PROPOSAL : status;
    }

    void proposed(BigDecimal grant, String justification) {
        this.proposedGrant = grant;
        this.proposalJustification = justification;
        this.status = AdmissionStatus.COUNTY_DECISION;
    }

    void decided(boolean approved, BigDecimal grant, String reservations, String justification) {
        this.decidedGrant = approved ? grant : null;
        this.countyReservations = reservations;
        this.decisionJustification = justification;
        if (!approved) {
            close(AdmissionStatus.REJECTED_BY_COUNTY);
        }
    }

    void close(AdmissionStatus end) {
        this.status = end;
        if (closedAt == null) {
            closedAt = Instant.now();
        }
    }

    void admitted(long operatorId) {
        this.operatorId = operatorId;
        close(AdmissionStatus.ADMITTED);
    }

    public Long getId() {
        return id;
    }

    public ProjectType getProjectType() {
        return projectType;
    }

    public String getOrgNumber() {
        return orgNumber;
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getCountyCode() {
        return countyCode;
    }

    public String getCompanyEmail() {
        return companyEmail;
    }

    public BigDecimal getPilotBudget() {
        return pilotBudget;
    }

    public LocalDate getPilotEndDate() {
        return pilotEndDate;
    }

    public String getDescription() {
        return description;
    }

    public AdmissionStatus getStatus() {
        return status;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public Boolean getQualified() {
        return qualified;
    }

    public String getAssessmentSummary() {
        return assessmentSummary;
    }

    public BigDecimal getProposedGrant() {
        return proposedGrant;
    }

    public String getProposalJustification() {
        return proposalJustification;
    }

    public BigDecimal getDecidedGrant() {
        return decidedGrant;
    }

    public String getCountyReservations() {
        return countyReservations;
    }

    public String getDecisionJustification() {
        return decisionJustification;
    }

    public Long getOperatorId() {
        return operatorId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public List<AdmissionCriterion> getCriteria() {
        return criteria;
    }
}
