package no.siva.programflyt.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.ProgrammePeriod;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mid-term evaluation as a case: planned on 2 January of its year, followed up by the project leaders. */
@Service
class ProgrammeEvaluations {

    public static final String CASE_TYPE = "EVALUATION";
    public static final String PROCESS_ID = "programme-evaluation";

    /** One evaluation, as its page shows it. */
    public record Evaluation(long id, String kind, int year, LocalDate tenderedOn, String performedBy, String findings,
                             String followUp, String completedBy, Instant completedAt, Instant createdAt) {
        public boolean done() {
            return completedAt != null;
        }
    }

    private final EvaluationRows rows;
    private final AuditService audit;
    private final ProgrammePeriod programme;
    private final Clock clock;

    ProgrammeEvaluations(Clock clock, EvaluationRows rows, AuditService audit, ProgrammePeriod programme) {
        this.clock = clock;
        this.rows = rows;
        this.audit = audit;
        this.programme = programme;
    }

    /**
     * The yearly start: in the mid-term evaluation's year the case is created (once, however often the job runs) and
     * the task is due at the year's end; other years nothing happens.
     */
    @Transactional
    public Map<String, Object> plan(int year, long processInstanceKey) {
        if (year != programme.midTermEvaluation()) {
            return Map.of("evaluationYear", false);
        }
        long id = rows.ensureMidTerm(year, processInstanceKey, clock.instant());
        audit.recordOnce(AuditService.SYSTEM, "EVALUATION_PLANNED", CASE_TYPE, id, String.valueOf(year),
                "Midtveisevalueringen av programmet skal lyses ut og følges opp innen " + new Formats().date(
                        LocalDate.of(year, 12, 31)) + " (programveilederen §4.5)",
                String.valueOf(year));
        Map<String, Object> v = new HashMap<>();
        v.put("evaluationYear", true);
        v.put("caseId", id);
        v.put("businessKey", String.valueOf(year));
        v.put("dueAt", Formats.iso(LocalDate.of(year, 12, 31), 16, 0));
        return v;
    }

    @Transactional
    public void followedUp(long id, LocalDate tenderedOn, String performedBy, String findings, String followUp,
                           String actor) {
        rows.followedUp(id, tenderedOn, performedBy, findings, followUp, actor, clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<Evaluation> find(long id) {
        return rows.find(id);
    }
}
