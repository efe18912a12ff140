package no.siva.programflyt.admission;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import no.siva.programflyt.shared.ValidOrgNumber;
import org.springframework.format.annotation.DateTimeFormat;

/** The county's commission (oppdrag) to Siva, as the county official registers it. */
public class CommissionForm {
    @NotNull
    private ProjectType projectType = ProjectType.FORPROSJEKT_OPPTAK;
    @NotBlank
    @ValidOrgNumber
    private String orgNumber;
    @NotBlank
    @Size(max = 200)
    private String companyName;
    @NotBlank
    private String countyCode;
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

    public String getCountyCode() {
        return countyCode;
    }

    public void setCountyCode(String countyCode) {
        this.countyCode = countyCode;
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
