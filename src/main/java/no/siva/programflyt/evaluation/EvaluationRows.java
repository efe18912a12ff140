package no.siva.programflyt.evaluation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import no.siva.programflyt.evaluation.ProgrammeEvaluations.Evaluation;
import no.siva.programflyt.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code programme_evaluation}: one row per evaluation (kind and year), with its follow-up. */
@Repository
class EvaluationRows {

    private final JdbcClient jdbc;

    EvaluationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's mid-term evaluation, made once; its id. */
    long ensureMidTerm(int year, long processInstanceKey, Instant at) {
        jdbc.sql("""
                insert into programme_evaluation (kind, year, process_instance_key, created_at) values ('MIDTERM', ?, ?, ?)
                on conflict (kind, year) do nothing""").params(year, processInstanceKey, Timestamp.from(at)).update();
        return jdbc.sql("select id from programme_evaluation where kind = 'MIDTERM' and year = ?").param(year)
                .query(Long.class).single();
    }

    void followedUp(long id, LocalDate tenderedOn, String performedBy, String findings, String followUp, String actor,
                    Instant at) {
        jdbc.sql("""
                update programme_evaluation set tendered_on = ?, performed_by = ?, findings = ?, follow_up = ?,
                    completed_by = ?, completed_at = ? where id = ?""")
                .params(tenderedOn, performedBy, findings, followUp, actor, Timestamp.from(at), id).update();
    }

    Optional<Evaluation> find(long id) {
        return jdbc.sql("""
                select id, kind, year, tendered_on, performed_by, findings, follow_up, completed_by, completed_at, created_at
                from programme_evaluation where id = ?""").param(id)
                .query((rs, n) -> new Evaluation(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), SqlTimes.instant(rs.getTimestamp(9)), SqlTimes.instant(rs.getTimestamp(10))))
                .optional();
    }
}
