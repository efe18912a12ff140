package no.siva.programflyt.targetcompany.ledger;

import java.math.BigDecimal;

/**
 * The eligible cost types of GBER art. 28 (guide §14.3.5). Business gardens mainly deliver innovation advisory and
 * support services; IPR and secondment costs are capped at 50 % intensity.
 */
public enum CostType {
    INNOVATION_ADVISORY(new BigDecimal("75")), IPR(new BigDecimal("50")), SECONDMENT(new BigDecimal("50"));

    private final BigDecimal maxIntensityPercent;

    CostType(BigDecimal maxIntensityPercent) {
        this.maxIntensityPercent = maxIntensityPercent;
    }

    public BigDecimal maxIntensityPercent() {
        return maxIntensityPercent;
    }
}
