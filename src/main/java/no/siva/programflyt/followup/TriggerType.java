package no.siva.programflyt.followup;

/** What may start an extraordinary follow-up (guide §6.6; DETAIL §4.2 T1–T4). */
public enum TriggerType {
    /** T1: Siva or the county (as commissioner) finds the operator delivers substantially worse than expected. */
    UNDERPERFORMANCE,
    /** T2: the yearly development dialogue shows the operator is not developing as the programme requires. */
    DEVELOPMENT_DIALOGUE,
    /** T3: deviations in the ordinary annual reporting. */
    REPORTING_DEVIATION,
    /** T4: the differentiation analysis shows several areas of negative development. */
    DIFFERENTIATION
}
