package no.siva.programflyt.admission;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.siva.programflyt.shared.ValidOrgNumber;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The county's commission (oppdrag) to Siva, as the county official registers it. A pilot project names the
 * company (org number, name); an expansion project names an existing operator instead (checked in the controller).
 */
public class CommissionForm {
    @NotNull
    private ProjectType projectType = ProjectType.FORPROSJEKT_OPPTAK;
    @ValidOrgNumber
    private String orgNumber;
    @Size(max = 200)
    private String companyName;
    private Long operatorId;
    @NotBlank
    private String countyCode;
    private List<String> coCountyCodes = new ArrayList<>();
    @Email
    @Size(max = 200)
    private String companyEmail;
    /** Typed as text, parsed with {@link no.siva.programflyt.shared.Amounts} for Norwegian input ("250 000"). */
    @NotBlank
    private String pilotBudget;
    @NotNull
    @Future
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate pilotEndDate;
    @Size(max = 4000)
    private String description;

    public ProjectType getProjectType() {
        return projectType;
    }

    public void setProjectType(ProjectType projectType) {
        this.projectType = projectType;
    }

    public String getOrgNumber() {
        return orgNumber;
    }

    public void setOrgNumber(String orgNumber) {
        this.orgNumber = orgNumber;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public Long getOperatorId() {
        return operatorId;
    }

    public void setOperatorId(Long operatorId) {
        this.operatorId = operatorId;
    }

    public String getCountyCode() {
        return countyCode;
    }

    public void setCountyCode(String countyCode) {
        this.countyCode = countyCode;
    }

    public List<String> getCoCountyCodes() {
        return coCountyCodes;
    }

    public void setCoCountyCodes(List<String> coCountyCodes) {
        this.coCountyCodes = coCountyCodes == null ? new ArrayList<>() : coCountyCodes;
    }

    public String getCompanyEmail() {
        return companyEmail;
    }

    public void setCompanyEmail(String companyEmail) {
        this.companyEmail = companyEmail;
    }

    public String getPilotBudget() {
        return pilotBudget;
    }

    public void setPilotBudget(String pilotBudget) {
        this.pilotBudget = pilotBudget;
    }

    public LocalDate getPilotEndDate() {
        return pilotEndDate;
    }

    public void setPilotEndDate(LocalDate pilotEndDate) {
        this.pilotEndDate = pilotEndDate;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
