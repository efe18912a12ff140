package no.siva.programflyt.differentiation;

/** Where a differentiation round stands (labels in messages: differentiation.status.*). */
enum RoundStatus {
    CALENDAR, INFO_MEETING, ANALYSIS, COUNTIES, BOARD, NOTIFYING, COMPLETED, LIMITED
}
