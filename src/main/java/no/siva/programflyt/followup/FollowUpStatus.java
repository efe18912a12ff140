package no.siva.programflyt.followup;

/** Where an extraordinary follow-up stands. CONTINUES and TERMINATED are closed. */
enum FollowUpStatus {
    /** Meetings, dialogue and scoreboard, until Siva concludes (3–6 months). */
    OPEN,
    /** Siva proposes to terminate; the county's consultation is awaited. */
    COUNTY_CONSULTATION,
    /** Concluded to continue: the agreed measures are followed up and the limited analysis is due after a year. */
    MEASURES,
    /** Closed: the operator continues in the programme (same level or a lower grant). */
    CONTINUES,
    /** Closed: the cooperation agreement is revoked and the operator wound down. */
    TERMINATED;

    public boolean closed() {
        return this == CONTINUES || this == TERMINATED;
    }
}
