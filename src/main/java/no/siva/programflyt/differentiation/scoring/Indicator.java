package no.siva.programflyt.differentiation.scoring;

/**
 * One indicator of a criterion (guide §15.2): where its value comes from, whether it is compared with the programme
 * level (all but the number of companies are, §15.2), and whether it only supports the analysis (Quantum Leap), in
 * which case it is shown but left out of the criterion's score.
 */
public record Indicator(String code, Criterion criterion, String label, String source, boolean relativeToProgramme,
                        boolean supporting, Banding banding) {
}
