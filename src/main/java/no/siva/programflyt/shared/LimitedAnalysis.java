package no.siva.programflyt.shared;

import java.time.LocalDate;
import java.util.List;

/**
 * The limited differentiation analysis of one operator (guide §7.1: «… gjennomføres det en begrenset
 * differensieringsanalyse av disse etter ett år for å bestemme hvorvidt disse skal settes ned i tilskudd, være på samme
 * nivå eller tas ut av program»): this year's scores against the programme level, set against the analysis that
 * flagged it. Provided by the differentiation module, used by the follow-up's task (the follow-up module does not
 * depend on the differentiation module; the differentiation module raises follow-ups).
 */
public interface LimitedAnalysis {

    /** One criterion: the score in the flagging analysis, the year's, and the year's result group. */
    record Line(String criterion, String flagged, String yearScore, Integer group) {}

    /**
     * @param complete  this year's values give a score on every criterion
     * @param missing   what is missing when not complete, in words
     * @param summary   the whole result in one text, kept on the follow-up case
     */
    record Result(int year, Long roundId, boolean complete, String missing, List<Line> lines, String weightedFlagged,
                  String weightedYear, Integer totalGroup, Integer currentStep, String summary) {}

    /**
     * The analysis of {@code year} (the year it falls due, whenever it is concluded), the current step as of
     * {@code today}.
     */
    Result of(long operatorId, Long flaggedByRoundId, int year, LocalDate today);

    /** Scores against a programme level need a programme: at least this many operators scored in the year. */
    int MIN_OPERATORS = 3;
}
