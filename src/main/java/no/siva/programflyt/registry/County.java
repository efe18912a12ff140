package no.siva.programflyt.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A county authority (fylkeskommune), commissioner of Siva for its operators. */
@Entity
public class County {
    @Id
    private String code;
    private String name;

    protected County() {}

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
