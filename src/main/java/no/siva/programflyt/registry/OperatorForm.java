package no.siva.programflyt.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.siva.programflyt.shared.ValidOrgNumber;

/** What a Siva case handler types to register or edit an operator. */
class OperatorForm {
    @NotBlank
    @ValidOrgNumber
    private String orgNumber;
    @NotBlank
    @Size(max = 200)
    private String name;
    @NotBlank
    private String countyCode;
    @NotNull
    private OperatorStatus status = OperatorStatus.ACTIVE;
    @Size(max = 100)
    private String sivaContact;

    public static OperatorForm of(Operator o) {
        OperatorForm f = new OperatorForm();
        f.orgNumber = o.getOrgNumber();
        f.name = o.getName();
        f.countyCode = o.getCountyCode();
        f.status = o.getStatus();
        f.sivaContact = o.getSivaContact();
        return f;
    }

    public String getOrgNumber() {
        return orgNumber;
    }

    public void setOrgNumber(String orgNumber) {
        this.orgNumber = orgNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCountyCode() {
        return countyCode;
    }

    public void setCountyCode(String countyCode) {
        this.countyCode = countyCode;
    }

    public OperatorStatus getStatus() {
        return status;
    }

    public void setStatus(OperatorStatus status) {
        this.status = status;
    }

    public String getSivaContact() {
        return sivaContact;
    }

    public void setSivaContact(String sivaContact) {
        this.sivaContact = sivaContact;
    }
}
