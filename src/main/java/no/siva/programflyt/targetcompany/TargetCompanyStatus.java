package no.siva.programflyt.targetcompany;

/** Where a target company's case stands. */
public enum TargetCompanyStatus {
    NEEDS_MAPPING, ELIGIBILITY_REVIEW, REFUSED, SELF_DECLARATION, AGREEMENT, ACTIVE, EXITED;

    public boolean closed() {
        return this == REFUSED || this == EXITED;
    }
}
