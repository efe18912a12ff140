package no.siva.programflyt.targetcompany.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The art. 28(4) cap with the dates it took effect (table {@code aid_cap}). The guide's change log, 06.01.2025:
 * «… ikke overstiger 200 000 euro pr foretak i løpet av en treårsperiode …», til «… ikke overstiger 220 000 euro pr
 * foretak i løpet av en treårsperiode, jf. Artikkel 28(4).» Each grant is checked against the cap in force on its date.
 */
public record AidCaps(NavigableMap<LocalDate, BigDecimal> byValidFrom) {

    public AidCaps {
        if (byValidFrom.isEmpty()) {
            throw new IllegalArgumentException("no aid cap");
        }
        byValidFrom = new TreeMap<>(byValidFrom);
    }

    public static AidCaps of(Map<LocalDate, BigDecimal> byValidFrom) {
        return new AidCaps(new TreeMap<>(byValidFrom));
    }

    /** The cap in force on {@code date}; before the first entry, the first. */
    public BigDecimal inForce(LocalDate date) {
        Map.Entry<LocalDate, BigDecimal> e = byValidFrom.floorEntry(date);
        return e != null ? e.getValue() : byValidFrom.firstEntry().getValue();
    }
}
