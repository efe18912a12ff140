package no.siva.programflyt.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The cooperation agreement (samarbeidsavtale) between Siva and an operator: five years, possibly five more. */
@Entity
public class CooperationAgreement {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long operatorId;
    private Long admissionCaseId;
    private LocalDate startDate;
    private LocalDate endDate;
    private LocalDate extensionUntil;
    private BigDecimal annualGrant;
    private String reservations;
    private Instant createdAt;
    private LocalDate revokedOn;
    private String revokedReason;

    protected CooperationAgreement() {}

    /** Five years and a possible five-year extension (§12.1), neither past the programme's end. */
    public CooperationAgreement(long operatorId, Long admissionCaseId, LocalDate start, BigDecimal annualGrant,
                                String reservations, LocalDate programmeEnd, Instant createdAt) {
        this.operatorId = operatorId;
        this.admissionCaseId = admissionCaseId;
        this.startDate = start;
        this.endDate = min(start.plusYears(5).minusDays(1), programmeEnd);
        this.extensionUntil = min(start.plusYears(10).minusDays(1), programmeEnd);
        this.annualGrant = annualGrant;
        this.reservations = reservations;
        this.createdAt = createdAt;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    public Long getId() {
        return id;
    }

    public Long getOperatorId() {
        return operatorId;
    }

    public Long getAdmissionCaseId() {
        return admissionCaseId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public LocalDate getExtensionUntil() {
        return extensionUntil;
    }

    public BigDecimal getAnnualGrant() {
        return annualGrant;
    }

    public String getReservations() {
        return reservations;
    }

    /** The agreement is revoked (extraordinary follow-up concluded to terminate, guide §6.6); the first revocation stands. */
    public void revoke(LocalDate on, String reason) {
        if (revokedOn == null) {
            this.revokedOn = on;
            this.revokedReason = reason;
        }
    }

    public LocalDate getRevokedOn() {
        return revokedOn;
    }

    public String getRevokedReason() {
        return revokedReason;
    }
}
