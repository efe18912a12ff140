package no.siva.programflyt.differentiation.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One indicator of a criterion (guide §15.2.1–15.2.5): where its value comes from, how it is set against the
 * programme level (all but the number of companies are, §15.2), and whether it only supports the analysis (Quantum
 * Leap: «Informasjon hentet fra Quantum Leap er kun med som støttende analyser»), in which case it is shown but left
 * out of the criterion's score.
 *
 * @param source     the guide's data source (FBP – basis, FBP – måltall, FBP – Brreg, KTU, Quantum Leap)
 * @param derived    Programflyt computes the value from its own tables where it holds them (the import fills the rest)
 * @param changeOf   for a three-year-change indicator: the indicator whose change it is (computed, never imported)
 */
public record Indicator(String code, Criterion criterion, String label, String source, Comparison comparison,
                        boolean supporting, Banding banding, Unit unit, boolean derived, String changeOf) {

    /** A plain imported indicator (tests and simple catalogues). */
    public static Indicator of(String code, Criterion criterion, String label, String source, Comparison comparison,
                               boolean supporting, Banding banding) {
        return new Indicator(code, criterion, label, source, comparison, supporting, banding, Unit.NOK, false, null);
    }

    public Indicator withBanding(Banding b) {
        return new Indicator(code, criterion, label, source, comparison, supporting, b, unit, derived, changeOf);
    }

    @JsonIgnore
    public boolean isChange() {
        return changeOf != null;
    }

    /** Imported values may be given for every indicator but the computed changes. */
    public boolean importable() {
        return changeOf == null;
    }
}
