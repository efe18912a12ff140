package no.siva.programflyt.admission;

/** Where an admission case stands; the message key {@code admission.status.<name>} is its Norwegian label. */
enum AdmissionStatus {
    REGISTERED, PILOT_PROJECT, EXPANSION_PROJECT, PROPOSAL, COUNTY_DECISION, ADMITTED, NOT_QUALIFIED, REJECTED_BY_COUNTY, RECOMMENDATION_GIVEN;

    public boolean closed() {
        return this == ADMITTED || this == NOT_QUALIFIED || this == REJECTED_BY_COUNTY || this == RECOMMENDATION_GIVEN;
    }
}
