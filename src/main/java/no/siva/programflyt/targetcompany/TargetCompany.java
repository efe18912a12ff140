package no.siva.programflyt.targetcompany;

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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/** A target company (målbedrift) of one operator, from needs mapping to exit. Business key: its org number. */
@Entity
public class TargetCompany {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long operatorId;
    private String orgNumber;
    private String name;
    @Enumerated(EnumType.STRING)
    private TargetCompanyStatus status;
    private String contactEmail;
    private String needs;
    private String orgForm;
    private String naceCode;
    private String eligibilitySummary;
    private Boolean sme;
    private String enterpriseCategory;
    private BigDecimal aggregatedWorkUnits;
    private BigDecimal publicPercent;
    private String reviewJustification;
    private LocalDate selfDeclarationSignedOn;
    private LocalDate selfDeclarationValidUntil;
    /** Every self-declaration the company has signed, renewals included: aid is given only on a day one covers. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "self_declaration", joinColumns = @JoinColumn(name = "target_company_id"))
    private Set<SelfDeclaration> declarations = new HashSet<>();
    private BigDecimal declaredOtherAidEur;
    private LocalDate agreementStart;
    private LocalDate agreementEnd;
    private String agreementScope;
    private String planGoals;
    private String planServices;
    private LocalDate planReviewDate;
    private String surveyContactName;
    private String surveyContactEmail;
    private BigDecimal aidIntensityPercent;
    private LocalDate exitDate;
    @Enumerated(EnumType.STRING)
    private ExitReason exitReason;
    private Long processInstanceKey;
    private BigDecimal workUnits;
    private BigDecimal turnoverNok;
    private BigDecimal balanceNok;
    private Integer accountsYear;
    private String smeLastYear;
    private BigDecimal subscribedCapitalNok;
    private BigDecimal equityNok;
    private BigDecimal interimEquityNok;
    private String ownershipEnterprises;
    private String ownershipHoldings;
    private boolean innovationCompany;
    private boolean insolvency;
    private boolean recoveryOrder;
    private LocalDate registeredOn;
    private boolean takenOverByLargeGroup;
    private String createdBy;
    private Instant createdAt;
    @Version
    private long version;

    protected TargetCompany() {}

    public TargetCompany(long operatorId, String orgNumber, String name, String contactEmail, String needs,
                         String createdBy, Instant createdAt) {
        this.operatorId = operatorId;
        this.orgNumber = orgNumber;
        this.name = name;
        this.contactEmail = contactEmail;
        this.needs = needs;
        this.status = TargetCompanyStatus.NEEDS_MAPPING;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public void started(long key) {
        this.processInstanceKey = key;
    }

    /** What the operator entered in the needs mapping, for the eligibility check. */
    public void mapped(String needs, BigDecimal workUnits, BigDecimal turnoverNok, BigDecimal balanceNok, Integer accountsYear,
                       String smeLastYear, BigDecimal subscribedCapitalNok, BigDecimal equityNok,
                       BigDecimal interimEquityNok, String enterprises, String holdings, boolean innovationCompany,
                       boolean insolvency, boolean recoveryOrder, boolean takenOverByLargeGroup) {
        this.takenOverByLargeGroup = takenOverByLargeGroup;
        this.needs = needs;
        this.workUnits = workUnits;
        this.turnoverNok = turnoverNok;
        this.balanceNok = balanceNok;
        this.accountsYear = accountsYear;
        this.smeLastYear = smeLastYear;
        this.subscribedCapitalNok = subscribedCapitalNok;
        this.equityNok = equityNok;
        this.interimEquityNok = interimEquityNok;
        this.ownershipEnterprises = enterprises;
        this.ownershipHoldings = holdings;
        this.innovationCompany = innovationCompany;
        this.insolvency = insolvency;
        this.recoveryOrder = recoveryOrder;
    }

    public void registerChecked(String orgForm, String nace, LocalDate registeredOn) {
        this.orgForm = orgForm;
        this.naceCode = nace;
        this.registeredOn = registeredOn;
    }

    public void eligibilityChecked(String orgForm, String nace, boolean sme, String category, BigDecimal workUnits,
                                   BigDecimal publicPercent, String summary, boolean eligible) {
        this.orgForm = orgForm;
        this.naceCode = nace;
        this.sme = sme;
        this.enterpriseCategory = category;
        this.aggregatedWorkUnits = workUnits;
        this.publicPercent = publicPercent;
        this.eligibilitySummary = summary;
        this.status = eligible ? TargetCompanyStatus.SELF_DECLARATION : TargetCompanyStatus.REFUSED;
    }

    public void reviewed(boolean eligible, String justification) {
        this.reviewJustification = justification;
        this.status = eligible ? TargetCompanyStatus.SELF_DECLARATION : TargetCompanyStatus.REFUSED;
    }

    /** Signed on the admission date (= agreement date = date the aid is granted); valid two years. */
    public void selfDeclarationSigned(LocalDate signedOn, BigDecimal otherAidEur) {
        this.selfDeclarationSignedOn = signedOn;
        this.selfDeclarationValidUntil = signedOn.plusYears(2).minusDays(1);
        this.declarations.add(new SelfDeclaration(signedOn, selfDeclarationValidUntil));
        this.declaredOtherAidEur = otherAidEur;
        if (status == TargetCompanyStatus.SELF_DECLARATION) {
            this.status = TargetCompanyStatus.AGREEMENT;
        }
    }

    public void agreed(LocalDate start, LocalDate end, String scope, String goals, String services, LocalDate review,
                       String surveyName, String surveyEmail, BigDecimal intensity) {
        this.agreementStart = start;
        this.agreementEnd = end;
        this.agreementScope = scope;
        this.planGoals = goals;
        this.planServices = services;
        this.planReviewDate = review;
        this.surveyContactName = surveyName;
        this.surveyContactEmail = surveyEmail;
        this.aidIntensityPercent = intensity;
        this.status = TargetCompanyStatus.ACTIVE;
    }

    public void exited(LocalDate date, ExitReason reason) {
        this.exitDate = date;
        this.exitReason = reason;
        this.status = TargetCompanyStatus.EXITED;
    }

    public void refused() {
        this.status = TargetCompanyStatus.REFUSED;
    }

    public void eligibilityReview() {
        this.status = TargetCompanyStatus.ELIGIBILITY_REVIEW;
    }

    /** The last day aid may be given: the exit date, else the agreement's end. */
    /**
     * Whether a self-declaration covers the day (§14.5: «gyldig i to år fra opptaksdato gitt at bedriften er
     * sammenhengende i program denne 2-årsperioden»): a renewal signed after the previous one expired leaves the days
     * between uncovered.
     */
    public boolean declarationCovers(LocalDate day) {
        if (declarations.isEmpty()) {   // rows written outside the application (bench data) carry only the latest
            return selfDeclarationSignedOn != null && !day.isBefore(selfDeclarationSignedOn) && !day.isAfter(selfDeclarationValidUntil);
        }
        return declarations.stream().anyMatch(d -> !day.isBefore(d.getSignedOn()) && !day.isAfter(d.getValidUntil()));
    }

    /** The last expiry before the day (for the message when a day is not covered), or null. */
    public LocalDate declarationExpiredBefore(LocalDate day) {
        return declarations.stream().map(SelfDeclaration::getValidUntil).filter(u -> u.isBefore(day))
                .max(Comparator.naturalOrder()).orElse(selfDeclarationValidUntil);
    }

    public LocalDate lastAidDate() {
        return exitDate != null ? exitDate : agreementEnd;
    }

    // @formatter:off: the accessors, one a line
    public Long getId() { return id; }
    public Long getOperatorId() { return operatorId; }
    public String getOrgNumber() { return orgNumber; }
    public String getName() { return name; }
    public TargetCompanyStatus getStatus() { return status; }
    public String getContactEmail() { return contactEmail; }
    public String getNeeds() { return needs; }
    public String getOrgForm() { return orgForm; }
    public String getNaceCode() { return naceCode; }
    public String getEligibilitySummary() { return eligibilitySummary; }
    public Boolean getSme() { return sme; }
    public String getEnterpriseCategory() { return enterpriseCategory; }
    public BigDecimal getAggregatedWorkUnits() { return aggregatedWorkUnits; }
    public BigDecimal getPublicPercent() { return publicPercent; }
    public String getReviewJustification() { return reviewJustification; }
    public LocalDate getSelfDeclarationSignedOn() { return selfDeclarationSignedOn; }
    public LocalDate getSelfDeclarationValidUntil() { return selfDeclarationValidUntil; }
    public BigDecimal getDeclaredOtherAidEur() { return declaredOtherAidEur; }
    public LocalDate getAgreementStart() { return agreementStart; }
    public LocalDate getAgreementEnd() { return agreementEnd; }
    public String getAgreementScope() { return agreementScope; }
    public String getPlanGoals() { return planGoals; }
    public String getPlanServices() { return planServices; }
    public LocalDate getPlanReviewDate() { return planReviewDate; }
    public String getSurveyContactName() { return surveyContactName; }
    public String getSurveyContactEmail() { return surveyContactEmail; }
    public BigDecimal getAidIntensityPercent() { return aidIntensityPercent; }
    public LocalDate getExitDate() { return exitDate; }
    public ExitReason getExitReason() { return exitReason; }
    public Long getProcessInstanceKey() { return processInstanceKey; }
    public BigDecimal getWorkUnits() { return workUnits; }
    public BigDecimal getTurnoverNok() { return turnoverNok; }
    public BigDecimal getBalanceNok() { return balanceNok; }
    public Integer getAccountsYear() { return accountsYear; }
    public String getSmeLastYear() { return smeLastYear; }
    public BigDecimal getSubscribedCapitalNok() { return subscribedCapitalNok; }
    public BigDecimal getEquityNok() { return equityNok; }
    public BigDecimal getInterimEquityNok() { return interimEquityNok; }
    public String getOwnershipEnterprises() { return ownershipEnterprises; }
    public String getOwnershipHoldings() { return ownershipHoldings; }
    public boolean isInnovationCompany() { return innovationCompany; }
    public boolean isInsolvency() { return insolvency; }
    public boolean isRecoveryOrder() { return recoveryOrder; }
    public LocalDate getRegisteredOn() { return registeredOn; }
    public boolean isTakenOverByLargeGroup() { return takenOverByLargeGroup; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    // @formatter:on
}
