package no.siva.programflyt.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** What a newly admitted operator submits: budget with hourly rate, contacts, ethics confirmations (§3, §10.4). */
@Entity
public class OperatorOnboarding {
    @Id
    private Long operatorId;
    private BigDecimal annualSalary;
    private BigDecimal positionPercent;
    private BigDecimal hourlyRate;
    private BigDecimal hourlyRateCap;
    private BigDecimal budgetHours;
    private BigDecimal adminBudget;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private String financeContactName;
    private String financeContactEmail;
    private Boolean ethicalGuidelinesConfirmed;
    private Boolean impartialityRoutineConfirmed;
    private String ethicalGuidelinesUrl;
    private Instant updatedAt;

    protected OperatorOnboarding() {}

    public OperatorOnboarding(long operatorId, Instant createdAt) {
        this.operatorId = operatorId;
        this.updatedAt = createdAt;
    }

    public void budget(BigDecimal salary, BigDecimal percent, BigDecimal rate, BigDecimal cap, BigDecimal hours,
                       BigDecimal budget, Instant at) {
        this.annualSalary = salary;
        this.positionPercent = percent;
        this.hourlyRate = rate;
        this.hourlyRateCap = cap;
        this.budgetHours = hours;
        this.adminBudget = budget;
        this.updatedAt = at;
    }

    public void contacts(String name, String email, String phone, String financeName, String financeEmail, Instant at) {
        this.contactName = name;
        this.contactEmail = email;
        this.contactPhone = phone;
        this.financeContactName = financeName;
        this.financeContactEmail = financeEmail;
        this.updatedAt = at;
    }

    public void ethics(boolean guidelines, boolean impartiality, String url, Instant at) {
        this.ethicalGuidelinesConfirmed = guidelines;
        this.impartialityRoutineConfirmed = impartiality;
        this.ethicalGuidelinesUrl = url;
        this.updatedAt = at;
    }

    public Long getOperatorId() {
        return operatorId;
    }

    public BigDecimal getAnnualSalary() {
        return annualSalary;
    }

    public BigDecimal getPositionPercent() {
        return positionPercent;
    }

    public BigDecimal getHourlyRate() {
        return hourlyRate;
    }

    public BigDecimal getHourlyRateCap() {
        return hourlyRateCap;
    }

    public BigDecimal getBudgetHours() {
        return budgetHours;
    }

    public BigDecimal getAdminBudget() {
        return adminBudget;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getFinanceContactName() {
        return financeContactName;
    }

    public String getFinanceContactEmail() {
        return financeContactEmail;
    }

    public Boolean getEthicalGuidelinesConfirmed() {
        return ethicalGuidelinesConfirmed;
    }

    public Boolean getImpartialityRoutineConfirmed() {
        return impartialityRoutineConfirmed;
    }

    public String getEthicalGuidelinesUrl() {
        return ethicalGuidelinesUrl;
    }
}
