package no.siva.programflyt.followup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work on a follow-up case (guide §6.6): the meetings and dialogue logged, the scoreboard in versions with the
 * programme level beside it, and the development measures. The case itself, its triggers and who may do what are
 * {@link FollowUpService}'s.
 */
@Service
public class FollowUpWork {

    public record Meeting(long id, LocalDate heldOn, String form, String participants, String summary,
                          String recordedBy, Instant recordedAt) {}

    public record Measure(long id, String description, String owner, LocalDate dueDate, String status, String doneBy,
                          Instant doneAt, String doneComment) {
        public boolean done() {
            return "DONE".equals(status);
        }
    }

    public record Score(String area, int score, String comment) {}

    public record Scoreboard(long id, int versionNo, String recordedBy, Instant recordedAt, List<Score> scores) {
        public Integer scoreOf(String area) {
            return scores.stream().filter(s -> s.area().equals(area)).findFirst().map(Score::score).orElse(null);
        }

        public String commentOf(String area) {
            return scores.stream().filter(s -> s.area().equals(area)).findFirst().map(Score::comment).orElse(null);
        }
    }

    private final Clock clock;
    private final FollowUpService cases;
    private final CaseRecords records;
    private final ProgrammeLevelFigures figures;
    private final FollowUpProperties config;
    private final AuditService audit;

    FollowUpWork(Clock clock, FollowUpService cases, CaseRecords records, ProgrammeLevelFigures figures,
                 FollowUpProperties config, AuditService audit) {
        this.clock = clock;
        this.cases = cases;
        this.records = records;
        this.figures = figures;
        this.config = config;
        this.audit = audit;
    }

    @Transactional
    public void recordMeeting(CurrentUser user, long caseId, LocalDate heldOn, String form, String participants,
                              String summary) {
        FollowUpCase c = openForWork(user, caseId);
        if (!FollowUpService.mayLog(user, c)) {
            throw new AccessDeniedException("may not log meetings on this case");
        }
        records.addMeeting(caseId, heldOn, form, participants, summary, user.username(), clock.instant());
        audit.record(user.username(), "FOLLOW_UP_MEETING", FollowUpService.CASE_TYPE, caseId, c.getOrgNumber(),
                "Møte/dialog " + new Formats().date(heldOn) + " (" + form.toLowerCase() + ") er logget", null);
    }

    /** Saves a new version of the scoreboard: a score 1–5 and a comment per area. */
    @Transactional
    public int saveScoreboard(CurrentUser user, long caseId, Map<String, Integer> scores, Map<String, String> comments) {
        FollowUpCase c = openForWork(user, caseId);
        if (!FollowUpService.mayAssess(user)) {
            throw new AccessDeniedException("may not assess");
        }
        Map<String, String> trimmed = new HashMap<>();
        scores.keySet().forEach(area -> trimmed.put(area, blankToNull(comments.get(area))));
        int versionNo = records.addScoreboard(caseId, scores, trimmed, user.username(), clock.instant());
        audit.record(user.username(), "FOLLOW_UP_SCOREBOARD", FollowUpService.CASE_TYPE, caseId, c.getOrgNumber(),
                "Scoreboard versjon " + versionNo + " er lagret (snitt " + mean(scores) + ")", null);
        return versionNo;
    }

    @Transactional
    public void addMeasure(CurrentUser user, long caseId, String description, String owner, LocalDate dueDate) {
        FollowUpCase c = openForWork(user, caseId);
        if (!FollowUpService.mayAssess(user)) {
            throw new AccessDeniedException("may not add measures");
        }
        if (c.getStatus() != FollowUpStatus.OPEN) {
            throw new BusinessRuleException("followup.error.measuresFixed");
        }
        records.addMeasure(caseId, description, owner, dueDate, user.username(), clock.instant());
        audit.record(user.username(), "FOLLOW_UP_MEASURE", FollowUpService.CASE_TYPE, caseId, c.getOrgNumber(),
                "Utviklingstiltak: " + description + " (ansvarlig " + owner + ", frist " + new Formats().date(dueDate) + ")", null);
    }

    private FollowUpCase openForWork(CurrentUser user, long caseId) {
        FollowUpCase c = cases.getVisible(user, caseId);
        if (c.isClosed()) {
            throw new BusinessRuleException("followup.error.closed");
        }
        return c;
    }

    public List<Meeting> meetings(long caseId) {
        return records.meetings(caseId);
    }

    public List<Measure> measures(long caseId) {
        return records.measures(caseId);
    }

    /** Every version, newest first. */
    public List<Scoreboard> scoreboards(long caseId) {
        return records.scoreboards(caseId);
    }

    /** Whether the scoreboard has been filled in at least once (concluding needs it). */
    public boolean hasScoreboard(long caseId) {
        return records.hasScoreboard(caseId);
    }

    public Map<String, String> areas() {
        return config.areas();
    }

    /**
     * The programme level beside the scoreboard, where Programflyt has the data: active target companies against the
     * mean of the other operators, and this year's reporting deadlines met on time against the programme's share.
     */
    public Map<String, String> programmeLevel(long operatorId) {
        Map<String, String> level = new LinkedHashMap<>();
        Map<String, Object> active = figures.activeCompanies(operatorId);
        level.put("aktivitet", "Aktive målbedrifter: " + active.get("own") + " (programsnitt for de andre operatørene: "
                + ((BigDecimal) active.get("others")).setScale(1, RoundingMode.HALF_UP)
                        .toPlainString().replace('.', ',')
                + ")");
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> rep = figures.deadlinesMet(operatorId, today);
        long ownDue = ((Number) rep.get("own_due")).longValue();
        long allDue = ((Number) rep.get("all_due")).longValue();
        if (ownDue > 0 && allDue > 0) {
            level.put("rapportering", "Frister levert i " + today.getYear() + ": " + rep.get("own_done") + " av " + ownDue
                    + " (programmet: " + Math.round(100.0 * ((Number) rep.get("all_done")).longValue() / allDue) + " %)");
        }
        return level;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String mean(Map<String, Integer> scores) {
        return String.format(Locale.forLanguageTag("nb"), "%.1f",
                scores.values().stream().mapToInt(Integer::intValue).average().orElse(0));
    }
}
