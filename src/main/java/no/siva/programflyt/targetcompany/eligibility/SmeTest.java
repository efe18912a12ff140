package no.siva.programflyt.targetcompany.eligibility;

import java.math.BigDecimal;

/**
 * The SME test of GBER annex I as the programme guide's §14.1.1 tables it: fewer than 250 annual work units AND
 * (turnover at most EUR 50 m OR balance-sheet total at most EUR 43 m). One money threshold may be exceeded, not both.
 */
final class SmeTest {

    public static final BigDecimal MAX_WORK_UNITS = new BigDecimal("250");
    public static final BigDecimal MAX_TURNOVER_EUR = new BigDecimal("50000000");
    public static final BigDecimal MAX_BALANCE_EUR = new BigDecimal("43000000");

    private SmeTest() {}

    /**
     * @param alternative the row of the guide's table (1–5) the figures fall in
     */
    public record Result(boolean sme, int alternative) {}

    public static Result of(Figures f) {
        if (f.workUnits().compareTo(MAX_WORK_UNITS) >= 0) {
            return new Result(false, 1);
        }
        boolean turnoverAbove = f.turnoverEur().compareTo(MAX_TURNOVER_EUR) > 0;
        boolean balanceAbove = f.balanceEur().compareTo(MAX_BALANCE_EUR) > 0;
        if (turnoverAbove && balanceAbove) {
            return new Result(false, 2);
        }
        if (turnoverAbove) {
            return new Result(true, 3);
        }
        if (balanceAbove) {
            return new Result(true, 4);
        }
        return new Result(true, 5);
    }
}
