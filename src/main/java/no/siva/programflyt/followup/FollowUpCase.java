package no.siva.programflyt.followup;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One extraordinary follow-up of one operator (guide §6.6): from its triggers to continue or terminate. */
@Entity
public class FollowUpCase {

    public static final String CONTINUE = "CONTINUE";
    public static final String TERMINATE = "TERMINATE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long operatorId;
    private String orgNumber;
    private String countyCode;
    @Enumerated(EnumType.STRING)
    private FollowUpStatus status;
    private Instant startedAt;
    private String startedBy;
    private Instant reminderAt;
    private Instant escalateAt;
    private Long processInstanceKey;
    private String assessment;
    private String conclusion;
    private String conclusionJustification;
    private String concludedBy;
    private Instant concludedAt;
    private String countyPosition;
    private String countyJustification;
    private String countyBy;
    private Instant countyAt;
    private LocalDate analysisDue;
    private String analysisOutcome;
    private String analysisJustification;
    private String analysisBy;
    private Instant analysisAt;
    private Long flaggedByRoundId;
    private LocalDate flaggedOn;
    private Long analysisRoundId;
    private String analysisResult;
    private Integer analysisNewStep;
    private Instant closedAt;
    @Version
    private long version;

    protected FollowUpCase() {}

    FollowUpCase(long operatorId, String orgNumber, String countyCode, String startedBy, Instant startedAt,
                 Instant reminderAt, Instant escalateAt) {
        this.operatorId = operatorId;
        this.orgNumber = orgNumber;
        this.countyCode = countyCode;
        this.status = FollowUpStatus.OPEN;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.reminderAt = reminderAt;
        this.escalateAt = escalateAt;
    }

    void started(long processInstanceKey) {
        this.processInstanceKey = processInstanceKey;
    }

    void concluded(String conclusion, String assessment, String justification, String by, Instant at) {
        this.conclusion = conclusion;
        this.assessment = assessment;
        this.conclusionJustification = justification;
        this.concludedBy = by;
        this.concludedAt = at;
        this.status = TERMINATE.equals(conclusion) ? FollowUpStatus.COUNTY_CONSULTATION : FollowUpStatus.MEASURES;
    }

    void continued(LocalDate analysisDue) {
        this.status = FollowUpStatus.MEASURES;
        this.analysisDue = analysisDue;
    }

    void countyConsulted(boolean agrees, String justification, String by, Instant at) {
        this.countyPosition = agrees ? "SUPPORTS" : "DOES_NOT_SUPPORT";
        this.countyJustification = justification;
        this.countyBy = by;
        this.countyAt = at;
        if (!agrees) {
            this.status = FollowUpStatus.OPEN;
        }
    }

    /** A differentiation analysis flagged the operator on this day: the limited analysis is due a year after it. */
    void flagged(Long roundId, LocalDate on) {
        if (flaggedOn == null) {
            flaggedByRoundId = roundId;
            flaggedOn = on;
        }
    }

    /** What the limited analysis found: its scores against the programme level, and the new step when lowered. */
    void analysisResult(Long roundId, String result, Integer newStep) {
        this.analysisRoundId = roundId;
        this.analysisResult = result;
        this.analysisNewStep = newStep;
    }

    public Long getFlaggedByRoundId() {
        return flaggedByRoundId;
    }

    public LocalDate getFlaggedOn() {
        return flaggedOn;
    }

    public Long getAnalysisRoundId() {
        return analysisRoundId;
    }

    public String getAnalysisResult() {
        return analysisResult;
    }

    public Integer getAnalysisNewStep() {
        return analysisNewStep;
    }

    void analysed(String outcome, String justification, String by, Instant at) {
        this.analysisOutcome = outcome;
        this.analysisJustification = justification;
        this.analysisBy = by;
        this.analysisAt = at;
        if ("OUT_OF_PROGRAMME".equals(outcome)) {
            this.status = FollowUpStatus.COUNTY_CONSULTATION;
        }
    }

    void close(FollowUpStatus end, Instant at) {
        this.status = end;
        this.closedAt = at;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Long getId() {
        return id;
    }

    public Long getOperatorId() {
        return operatorId;
    }

    public String getOrgNumber() {
        return orgNumber;
    }

    public String getCountyCode() {
        return countyCode;
    }

    public FollowUpStatus getStatus() {
        return status;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getReminderAt() {
        return reminderAt;
    }

    public Instant getEscalateAt() {
        return escalateAt;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public String getAssessment() {
        return assessment;
    }

    public String getConclusion() {
        return conclusion;
    }

    public String getConclusionJustification() {
        return conclusionJustification;
    }

    public String getConcludedBy() {
        return concludedBy;
    }

    public Instant getConcludedAt() {
        return concludedAt;
    }

    public String getCountyPosition() {
        return countyPosition;
    }

    public String getCountyJustification() {
        return countyJustification;
    }

    public String getCountyBy() {
        return countyBy;
    }

    public Instant getCountyAt() {
        return countyAt;
    }

    public LocalDate getAnalysisDue() {
        return analysisDue;
    }

    public String getAnalysisOutcome() {
        return analysisOutcome;
    }

    public String getAnalysisJustification() {
        return analysisJustification;
    }

    public String getAnalysisBy() {
        return analysisBy;
    }

    public Instant getAnalysisAt() {
        return analysisAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
