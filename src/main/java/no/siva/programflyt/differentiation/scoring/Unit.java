package no.siva.programflyt.differentiation.scoring;

import java.math.BigDecimal;

/** What an indicator's value measures, and the values it may take (the import refuses anything outside). */
public enum Unit {
    COUNT("et antall", "0", "100000"), PERCENT("en andel i prosent", "0", "100"),
    /** A KTU mean or a Quantum Leap assessment on the 1–5 scale. */
    SCALE("en verdi på skalaen 1–5", "1", "5"),
    /** Achieved divided by the ambition level in the target figures (1 = on target). */
    ATTAINMENT("en måloppnåelse", "0", "20"),
    /** Change over the three report years in percent. */
    CHANGE("en endring i prosent", "-100", "10000"),
    /** An accounting figure in NOK (may be negative). */
    NOK("et beløp i kroner", "-100000000000", "100000000000"),
    /** Solidity (equity share) in percent, negative when the equity is. */
    SIGNED_PERCENT("en soliditet i prosent", "-1000", "100");

    private final String label;
    private final BigDecimal min;
    private final BigDecimal max;

    Unit(String label, String min, String max) {
        this.label = label;
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
    }

    public String label() {
        return label;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    public boolean accepts(BigDecimal v) {
        return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
    }
}
