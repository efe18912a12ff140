package no.siva.programflyt.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.ProgrammePeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final ProgrammePeriod programme;
    private final Clock clock;

    public ProgrammeEvaluations(Clock clock, JdbcClient jdbc, AuditService audit, ProgrammePeriod programme) {
        this.clock = clock;
        this.jdbc = jdbc;
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
        jdbc.sql("""
                insert into programme_evaluation (kind, year, process_instance_key, created_at) values ('MIDTERM', ?, ?, ?)
                on conflict (kind, year) do nothing""").params(year, processInstanceKey, Timestamp.from(clock.instant()))
                .update();
        long id = jdbc.sql("select id from programme_evaluation where kind = 'MIDTERM' and year = ?").param(year)
                .query(Long.class).single();
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
        jdbc.sql("""
                update programme_evaluation set tendered_on = ?, performed_by = ?, findings = ?, follow_up = ?,
                    completed_by = ?, completed_at = ? where id = ?""")
                .params(tenderedOn, performedBy, findings, followUp, actor, Timestamp.from(clock.instant()), id).update();
    }

    @Transactional(readOnly = true)
    public Optional<Evaluation> find(long id) {
        return jdbc.sql("""
                select id, kind, year, tendered_on, performed_by, findings, follow_up, completed_by, completed_at, created_at
                from programme_evaluation where id = ?""").param(id)
                .query((rs, n) -> new Evaluation(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), ts(rs.getTimestamp(9)), ts(rs.getTimestamp(10))))
                .optional();
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
