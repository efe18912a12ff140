package no.siva.programflyt.targetcompany.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Annual work units (årsverk), turnover and balance-sheet total in EUR: the three SME thresholds' figures. */
public record Figures(BigDecimal workUnits, BigDecimal turnoverEur, BigDecimal balanceEur) {

    public static final Figures ZERO = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Figures {
        if (workUnits.signum() < 0 || turnoverEur.signum() < 0 || balanceEur.signum() < 0) {
            throw new IllegalArgumentException("figures cannot be negative");
        }
    }

    public static Figures of(String workUnits, String turnoverEur, String balanceEur) {
        return new Figures(new BigDecimal(workUnits), new BigDecimal(turnoverEur), new BigDecimal(balanceEur));
    }

    public Figures plus(Figures o) {
        return new Figures(workUnits.add(o.workUnits), turnoverEur.add(o.turnoverEur), balanceEur.add(o.balanceEur));
    }

    /** This enterprise's figures at a share (0–1). */
    public Figures times(BigDecimal share) {
        return new Figures(workUnits.multiply(share), turnoverEur.multiply(share), balanceEur.multiply(share));
    }

    /** Work units as the guide's examples count them: whole persons, half up (247.55 is 248). */
    public BigDecimal roundedWorkUnits() {
        return workUnits.setScale(0, RoundingMode.HALF_UP);
    }
}
