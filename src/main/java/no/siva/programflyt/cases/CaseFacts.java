package no.siva.programflyt.cases;

import java.time.Instant;

/** What the overview needs beyond {@link CaseInfo}: when a case started and ended, and its year (business key). */
public record CaseFacts(Instant startedAt, Instant endedAt, Integer year, TaskOwner tasks) {

    /** Where a case's user tasks are recorded, when not under the case itself (county: only that county's). */
    public record TaskOwner(String caseType, long caseId, String countyCode) {}

    public static final CaseFacts NONE = new CaseFacts(null, null, null, null);

    public CaseFacts(Instant startedAt, Instant endedAt, Integer year) {
        this(startedAt, endedAt, year, null);
    }
}
