package no.siva.programflyt.targetcompany;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Objects;

/** One signed self-declaration: from its signing date, valid two years (§14.5). */
@Embeddable
class SelfDeclaration {

    @Column(name = "signed_on")
    private LocalDate signedOn;
    @Column(name = "valid_until")
    private LocalDate validUntil;

    protected SelfDeclaration() {}

    SelfDeclaration(LocalDate signedOn, LocalDate validUntil) {
        this.signedOn = signedOn;
        this.validUntil = validUntil;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelfDeclaration d && Objects.equals(signedOn, d.signedOn) && Objects.equals(validUntil, d.validUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signedOn, validUntil);
    }
}
