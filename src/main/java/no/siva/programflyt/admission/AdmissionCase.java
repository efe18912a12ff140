package no.siva.programflyt.admission;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.siva.programflyt.brreg.RegisterEntry;

/**
 * A county's commission to Siva and everything decided on it: a pilot project ending in admission or refusal, or an
 * expansion project for an existing operator ending in a recommendation.
 */
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
    private Long expansionOperatorId;

    private String registerStatus;
    private String registerName;
    private String registerOrgForm;
    private String registerOrgFormText;
    private String registerNace;
    private String registerNaceText;
    private String registerAddress;
    private Boolean registerBankrupt;
    private Boolean registerLiquidation;
    private Instant registerCheckedAt;

    private Boolean qualified;
    private String assessmentSummary;
    private String assessedBy;
    private Instant assessedAt;
    private BigDecimal proposedGrant;
    private String proposalJustification;
    private String proposedBy;
    private Instant proposedAt;
    private BigDecimal decidedGrant;
    private String countyReservations;
    private String decisionJustification;
    private String decidedBy;
    private Instant decidedAt;
    private String recommendation;
    private String recommendationJustification;
    private Long operatorId;
    private Instant onboardingCompletedAt;
    private String createdBy;
    private Instant createdAt;
    private Instant closedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "admission_criterion", joinColumns = @JoinColumn(name = "case_id"))
    @OrderBy("criterionNo")
    private List<AdmissionCriterion> criteria = new ArrayList<>();

    /** Further counties that commissioned jointly ("aktuell(e) fylkeskommune(r)", §3); their officials see the case. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "admission_case_county", joinColumns = @JoinColumn(name = "case_id"))
    @Column(name = "county_code")
    private Set<String> coCounties = new LinkedHashSet<>();

    protected AdmissionCase() {}

    public AdmissionCase(ProjectType projectType, String orgNumber, String companyName, String countyCode,
                         Set<String> coCounties, String companyEmail, BigDecimal pilotBudget, LocalDate pilotEndDate,
                         String description, Long expansionOperatorId, String createdBy, Instant createdAt) {
        this.projectType = projectType;
        this.orgNumber = orgNumber;
        this.companyName = companyName;
        this.countyCode = countyCode;
        this.coCounties.addAll(coCounties);
        this.coCounties.remove(countyCode);
        this.companyEmail = companyEmail;
        this.pilotBudget = pilotBudget;
        this.pilotEndDate = pilotEndDate;
        this.description = description;
        this.expansionOperatorId = expansionOperatorId;
        this.createdBy = createdBy;
        this.status = AdmissionStatus.REGISTERED;
        this.createdAt = createdAt;
    }

    public boolean isExpansion() {
        return projectType != ProjectType.FORPROSJEKT_OPPTAK;
    }

    /** Every county whose officials may see the case: the lead county and the co-commissioners. */
    public Set<String> allCounties() {
        Set<String> all = new LinkedHashSet<>();
        all.add(countyCode);
        all.addAll(coCounties);
        return all;
    }

    void started(long processInstanceKey) {
        this.processInstanceKey = processInstanceKey;
    }

    void registerChecked(RegisterEntry entry, Instant at) {
        this.registerCheckedAt = at;
        if (entry == null) {
            this.registerStatus = "NOT_FOUND";
            return;
        }
        this.registerStatus = "FOUND";
        this.registerName = entry.name();
        this.registerOrgForm = entry.orgFormCode();
        this.registerOrgFormText = entry.orgFormText();
        this.registerNace = entry.naceCode();
        this.registerNaceText = entry.naceText();
        this.registerAddress = entry.address();
        this.registerBankrupt = entry.bankrupt();
        this.registerLiquidation = entry.underLiquidation();
    }

    void workStarted() {
        if (status == AdmissionStatus.REGISTERED) {
            status = isExpansion() ? AdmissionStatus.EXPANSION_PROJECT : AdmissionStatus.PILOT_PROJECT;
        }
    }

    void assessed(List<AdmissionCriterion> assessed, boolean qualified, String summary, String by, Instant at) {
        this.criteria.clear();
        this.criteria.addAll(assessed);
        this.qualified = qualified;
        this.assessmentSummary = summary;
        this.assessedBy = by;
        this.assessedAt = at;
        this.status = qualified ? AdmissionStatus.PROPOSAL : status;
    }

    void proposed(BigDecimal grant, String justification, String by, Instant at) {
        this.proposedGrant = grant;
        this.proposalJustification = justification;
        this.proposedBy = by;
        this.proposedAt = at;
        this.status = AdmissionStatus.COUNTY_DECISION;
    }

    void decided(boolean approved, BigDecimal grant, String reservations, String justification, String by,
                 Instant at) {
        this.decidedGrant = approved ? grant : null;
        this.countyReservations = reservations;
        this.decisionJustification = justification;
        this.decidedBy = by;
        this.decidedAt = at;
        if (!approved) {
            close(AdmissionStatus.REJECTED_BY_COUNTY, at);
        }
    }

    void recommended(String recommendation, String justification, String by, Instant at) {
        this.recommendation = recommendation;
        this.recommendationJustification = justification;
        this.assessedBy = by;
        this.assessedAt = at;
    }

    void close(AdmissionStatus end, Instant at) {
        this.status = end;
        if (closedAt == null) {
            closedAt = at;
        }
    }

    void admitted(long operatorId, Instant at) {
        this.operatorId = operatorId;
        close(AdmissionStatus.ADMITTED, at);
    }

    void onboardingCompleted(Instant at) {
        if (onboardingCompletedAt == null) {
            onboardingCompletedAt = at;
        }
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

    public Set<String> getCoCounties() {
        return coCounties;
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

    public Long getExpansionOperatorId() {
        return expansionOperatorId;
    }

    public String getRegisterStatus() {
        return registerStatus;
    }

    public String getRegisterName() {
        return registerName;
    }

    public String getRegisterOrgForm() {
        return registerOrgForm;
    }

    public String getRegisterOrgFormText() {
        return registerOrgFormText;
    }

    public String getRegisterNace() {
        return registerNace;
    }

    public String getRegisterNaceText() {
        return registerNaceText;
    }

    public String getRegisterAddress() {
        return registerAddress;
    }

    public Boolean getRegisterBankrupt() {
        return registerBankrupt;
    }

    public Boolean getRegisterLiquidation() {
        return registerLiquidation;
    }

    public Instant getRegisterCheckedAt() {
        return registerCheckedAt;
    }

    public Boolean getQualified() {
        return qualified;
    }

    public String getAssessmentSummary() {
        return assessmentSummary;
    }

    public String getAssessedBy() {
        return assessedBy;
    }

    public Instant getAssessedAt() {
        return assessedAt;
    }

    public BigDecimal getProposedGrant() {
        return proposedGrant;
    }

    public String getProposalJustification() {
        return proposalJustification;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
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

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getRecommendation() {
        return recommendation;
    }

    public String getRecommendationJustification() {
        return recommendationJustification;
    }

    public Long getOperatorId() {
        return operatorId;
    }

    public Instant getOnboardingCompletedAt() {
        return onboardingCompletedAt;
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
