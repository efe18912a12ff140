package no.siva.programflyt.differentiation.scoring;

/**
 * How an indicator's value is set against the programme level before it is banded (guide §15.2: «Resultatene for den
 * enkelte næringshage/inkubator sammenlignes med programnivået, med unntak av antall bedrifter»).
 */
enum Comparison {
    /** The value itself: only the number of companies, which depends on the grant level and the sector focus. */
    ABSOLUTE("Verdien selv"),
    /** Value divided by the programme level (1 = on the level): shares and target attainment. */
    RATIO("Forhold til programnivået"),
    /** Value minus the programme level (0 = on the level): KTU means (points) and three-year changes (percentage points). */
    DIFFERENCE("Avstand til programnivået");

    private final String label;

    Comparison(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
