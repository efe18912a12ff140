package no.siva.programflyt.admission;

import jakarta.persistence.Embeddable;

/** One of the eight admission criteria of target group 1 (guide §4.3), as assessed in the pilot project. */
@Embeddable
class AdmissionCriterion {
    private int criterionNo;
    private boolean met;
    private String justification;

    protected AdmissionCriterion() {}

    public AdmissionCriterion(int criterionNo, boolean met, String justification) {
        this.criterionNo = criterionNo;
        this.met = met;
        this.justification = justification;
    }

    public int getCriterionNo() {
        return criterionNo;
    }

    public boolean isMet() {
        return met;
    }

    public String getJustification() {
        return justification;
    }
}
