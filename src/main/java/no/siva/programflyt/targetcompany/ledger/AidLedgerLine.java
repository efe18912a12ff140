package no.siva.programflyt.targetcompany.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One invoice line to a target company: market value, own contribution, the aid between them, VAT on the own share. */
@Entity
public class AidLedgerLine {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long targetCompanyId;
    private String orgNumber;
    private LocalDate serviceDate;
    @Enumerated(EnumType.STRING)
    private CostType costType;
    private String description;
    private BigDecimal marketValueNok;
    private BigDecimal ownContributionNok;
    private BigDecimal aidNok;
    private BigDecimal vatNok;
    private BigDecimal eurRate;
    private BigDecimal aidEur;
    private String createdBy;
    private Instant createdAt;

    protected AidLedgerLine() {}

    AidLedgerLine(long targetCompanyId, String orgNumber, LocalDate serviceDate, CostType costType, String description,
                  BigDecimal marketValueNok, BigDecimal ownContributionNok, BigDecimal aidNok, BigDecimal vatNok,
                  BigDecimal eurRate, BigDecimal aidEur, String createdBy, Instant createdAt) {
        this.targetCompanyId = targetCompanyId;
        this.orgNumber = orgNumber;
        this.serviceDate = serviceDate;
        this.costType = costType;
        this.description = description;
        this.marketValueNok = marketValueNok;
        this.ownContributionNok = ownContributionNok;
        this.aidNok = aidNok;
        this.vatNok = vatNok;
        this.eurRate = eurRate;
        this.aidEur = aidEur;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getTargetCompanyId() {
        return targetCompanyId;
    }

    public String getOrgNumber() {
        return orgNumber;
    }

    public LocalDate getServiceDate() {
        return serviceDate;
    }

    public CostType getCostType() {
        return costType;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getMarketValueNok() {
        return marketValueNok;
    }

    public BigDecimal getOwnContributionNok() {
        return ownContributionNok;
    }

    public BigDecimal getAidNok() {
        return aidNok;
    }

    public BigDecimal getVatNok() {
        return vatNok;
    }

    public BigDecimal getEurRate() {
        return eurRate;
    }

    public BigDecimal getAidEur() {
        return aidEur;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
