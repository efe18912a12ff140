package no.siva.programflyt.differentiation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One year's differentiation round: its calendar, and what each step has done (the case; guide §15.3). */
@Entity
@Table(name = "diff_round")
public class DiffRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "round_year")
    private int year;
    private boolean differentiation;
    @Enumerated(EnumType.STRING)
    private RoundStatus status;
    private String startedBy;
    private Instant startedAt;
    private Long processInstanceKey;
    private LocalDate infoMeetingDate;
    private LocalDate basisDate;
    private LocalDate countyMeetingDate;
    private LocalDate frameDeadline;
    private LocalDate modelReviewDate;
    private LocalDate proposalDate;
    private LocalDate feedbackDeadline;
    private LocalDate boardDate;
    private LocalDate notificationDate;
    private LocalDate infoMeetingHeldOn;
    private String infoMeetingNotes;
    private Instant analysisDoneAt;
    private String analysisDoneBy;
    private Instant basisSentAt;
    private Instant operatorsBriefedAt;
    private LocalDate budgetProposalOn;
    private Long grantModelId;
    private String modelReviewNotes;
    private Instant modelReviewedAt;
    private LocalDate boardMetOn;
    private String boardNotes;
    private Instant notifiedAt;
    private Instant completedAt;
    private String limitedOperators;
    private String methodJson;
    @Version
    private long version;

    protected DiffRound() {}

    public DiffRound(int year, boolean differentiation, String startedBy, Instant startedAt) {
        this.year = year;
        this.startedAt = startedAt;
        this.differentiation = differentiation;
        this.startedBy = startedBy;
        this.status = differentiation ? RoundStatus.CALENDAR : RoundStatus.LIMITED;
    }

    /** The round's dates by step (see {@link DifferentiationProperties#STEPS}); the board's date follows the feedback. */
    public Map<String, LocalDate> calendar() {
        Map<String, LocalDate> m = new LinkedHashMap<>();
        m.put("informasjonsmote", infoMeetingDate);
        m.put("analyse", basisDate == null ? null : basisDate.minusDays(5));
        m.put("informasjonsgrunnlag", basisDate);
        m.put("fylkesmote", countyMeetingDate);
        m.put("budsjettramme", frameDeadline);
        m.put("modellgjennomgang", modelReviewDate);
        m.put("plasseringsforslag", proposalDate);
        m.put("tilbakemelding", feedbackDeadline);
        m.put("programstyret", boardDate);
        m.put("varsling", notificationDate);
        return m;
    }

    public void setCalendar(LocalDate infoMeeting, LocalDate basis, LocalDate countyMeetings, LocalDate frame,
                            LocalDate modelReview, LocalDate proposal, LocalDate feedback, LocalDate board,
                            LocalDate notification) {
        this.infoMeetingDate = infoMeeting;
        this.basisDate = basis;
        this.countyMeetingDate = countyMeetings;
        this.frameDeadline = frame;
        this.modelReviewDate = modelReview;
        this.proposalDate = proposal;
        this.feedbackDeadline = feedback;
        this.boardDate = board;
        this.notificationDate = notification;
        if (status == RoundStatus.CALENDAR) {
            status = RoundStatus.INFO_MEETING;
        }
    }

    public void infoMeetingHeld(LocalDate on, String notes) {
        this.infoMeetingHeldOn = on;
        this.infoMeetingNotes = notes;
        this.status = RoundStatus.ANALYSIS;
    }

    /** The method the analysis used, frozen with it (see MethodService). */
    void methodFrozen(String json) {
        if (methodJson == null) {
            methodJson = json;
        }
    }

    public String getMethodJson() {
        return methodJson;
    }

    public void analysisDone(String by, long grantModelId, Instant at) {
        this.analysisDoneAt = at;
        this.analysisDoneBy = by;
        this.grantModelId = grantModelId;
    }

    public void basisSent(Instant at) {
        if (basisSentAt == null) {
            basisSentAt = at;
        }
        status = RoundStatus.COUNTIES;
    }

    public void operatorsBriefed(Instant at) {
        if (operatorsBriefedAt == null) {
            operatorsBriefedAt = at;
        }
    }

    public void budgetProposalPublished(LocalDate on) {
        this.budgetProposalOn = on;
    }

    public void modelsReviewed(long grantModelId, String notes, Instant at) {
        this.grantModelId = grantModelId;
        this.modelReviewNotes = notes;
        this.modelReviewedAt = at;
    }

    public void boardWaiting() {
        status = RoundStatus.BOARD;
    }

    public void boardNoted(LocalDate on, String notes) {
        this.boardMetOn = on;
        this.boardNotes = notes;
        this.status = RoundStatus.NOTIFYING;
    }

    public void notified(Instant at) {
        if (notifiedAt == null) {
            notifiedAt = at;
        }
    }

    public void completed(Instant at) {
        if (completedAt == null) {
            completedAt = at;
        }
        if (differentiation) {
            status = RoundStatus.COMPLETED;
        }
    }

    public void limitedAnalysis(String operatorNames, Instant at) {
        this.limitedOperators = operatorNames;
        this.status = RoundStatus.LIMITED;
        completed(at);
    }

    public Long getId() {
        return id;
    }

    public int getYear() {
        return year;
    }

    public boolean isDifferentiation() {
        return differentiation;
    }

    public RoundStatus getStatus() {
        return status;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public LocalDate getInfoMeetingDate() {
        return infoMeetingDate;
    }

    public LocalDate getBasisDate() {
        return basisDate;
    }

    public LocalDate getCountyMeetingDate() {
        return countyMeetingDate;
    }

    public LocalDate getFrameDeadline() {
        return frameDeadline;
    }

    public LocalDate getModelReviewDate() {
        return modelReviewDate;
    }

    public LocalDate getProposalDate() {
        return proposalDate;
    }

    public LocalDate getFeedbackDeadline() {
        return feedbackDeadline;
    }

    public LocalDate getBoardDate() {
        return boardDate;
    }

    public LocalDate getNotificationDate() {
        return notificationDate;
    }

    public LocalDate getInfoMeetingHeldOn() {
        return infoMeetingHeldOn;
    }

    public String getInfoMeetingNotes() {
        return infoMeetingNotes;
    }

    public Instant getAnalysisDoneAt() {
        return analysisDoneAt;
    }

    public String getAnalysisDoneBy() {
        return analysisDoneBy;
    }

    public Instant getBasisSentAt() {
        return basisSentAt;
    }

    public Instant getOperatorsBriefedAt() {
        return operatorsBriefedAt;
    }

    public LocalDate getBudgetProposalOn() {
        return budgetProposalOn;
    }

    public Long getGrantModelId() {
        return grantModelId;
    }

    public String getModelReviewNotes() {
        return modelReviewNotes;
    }

    public Instant getModelReviewedAt() {
        return modelReviewedAt;
    }

    public LocalDate getBoardMetOn() {
        return boardMetOn;
    }

    public String getBoardNotes() {
        return boardNotes;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getLimitedOperators() {
        return limitedOperators;
    }

    /** Groups (not scores) are shown to counties after the information basis is sent. */
    public boolean basisSentToCounties() {
        return basisSentAt != null;
    }
}
