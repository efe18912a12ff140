package no.siva.programflyt.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code reporting_obligation}: the year's deadlines as the calendar plans them, the pages read them, and the
 * reporting tasks write them (delivered, reviewed, the amounts given).
 */
@Repository
class ObligationRows {

    private final JdbcClient jdbc;

    ObligationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The amount given with an obligation, if any. */
    Optional<BigDecimal> amount(long obligationId) {
        return jdbc.sql("select amount_nok from reporting_obligation where id = ?").param(obligationId)
                .query(BigDecimal.class).optional();
    }

    /** The budget an operator gave for a year (its «budget for next year» obligation of the year before). */
    Optional<BigDecimal> budget(long operatorId, int deliveredInYear) {
        return jdbc.sql("""
                select amount_nok from reporting_obligation where operator_id = ? and year = ? and code = 'BUDGET_NEXT_YEAR'""")
                .params(operatorId, deliveredInYear).query(BigDecimal.class).optional();
    }

    void submitted(long obligationId, String status, String by, Instant at, String comment, BigDecimal amount) {
        jdbc.sql("""
                update reporting_obligation set status = ?, submitted_by = ?, submitted_at = ?, comment = ?,
                       amount_nok = ? where id = ?""").params(status, by, Timestamp.from(at), comment, amount, obligationId)
                .update();
    }

    void reviewed(long obligationId, String status, String by, Instant at, String rejectionReason, boolean locked) {
        jdbc.sql("""
                update reporting_obligation set status = ?, reviewed_by = ?, reviewed_at = ?,
                       rejection_reason = ?, locked = ? where id = ?""")
                .params(status, by, Timestamp.from(at), rejectionReason, locked, obligationId)
                .update();
    }

    /** The obligation's row, made once per year and code; its id. */
    long plan(long yearId, long operatorId, int year, Obligation code, LocalDate due) {
        jdbc.sql("""
                insert into reporting_obligation (reporting_year_id, operator_id, year, code, due_date, status)
                values (?, ?, ?, ?, ?, 'PLANNED') on conflict (reporting_year_id, code) do nothing""")
                .params(yearId, operatorId, year, code.name(), due).update();
        return jdbc.sql("select id from reporting_obligation where reporting_year_id = ? and code = ?")
                .params(yearId, code.name()).query(Long.class).single();
    }

    /** One obligation, locked for the transaction when {@code forUpdate}. */
    Optional<ReportingService.Row> row(long obligationId, boolean forUpdate) {
        return jdbc.sql(SELECT + " where o.id = ?" + (forUpdate ? " for update of o" : "")).param(obligationId)
                .query(ObligationRows::map).optional();
    }

    List<ReportingService.Row> forOperator(long operatorId, int year) {
        return jdbc.sql(SELECT + " where o.operator_id = ? and o.year = ? order by o.due_date, o.id").params(operatorId, year)
                .query(ObligationRows::map).list();
    }

    /** Every operator's obligations of a year, the overdue ones first, then by deadline. */
    List<ReportingService.Row> forYear(int year, LocalDate today) {
        return jdbc
                .sql(SELECT + " where o.year = ? order by (o.status <> 'DONE' and o.due_date < ?) desc, o.due_date, o.operator_id")
                .params(year, today).query(ObligationRows::map).list();
    }

    /** When the obligation was last reviewed, to the microsecond, as a key for the mail about it (empty if never). */
    Optional<String> reviewStamp(long obligationId) {
        return jdbc.sql("select to_char(reviewed_at, 'YYYYMMDDHH24MISSUS') from reporting_obligation where id = ?")
                .param(obligationId).query(String.class).optional();
    }

    /** Cancels a year's obligations not yet met; how many. */
    int cancelOpen(long yearId) {
        return jdbc.sql("update reporting_obligation set status = 'CANCELED' where reporting_year_id = ? "
                + "and status not in ('DONE', 'CANCELED')").param(yearId).update();
    }

    void setStatus(long obligationId, String status) {
        jdbc.sql("update reporting_obligation set status = ? where id = ?").params(status, obligationId).update();
    }

    private static final String SELECT = """
            select o.id, o.reporting_year_id, o.operator_id, o.year, o.code, o.due_date, o.status, o.submitted_by,
                o.rejection_reason, o.locked,
                (select t.id from user_task t where t.subject_id = o.id and t.case_type = 'REPORTING'
                    order by (t.state = 'OPEN') desc, t.id desc limit 1)
            from reporting_obligation o""";

    private static ReportingService.Row map(ResultSet rs, int n) throws SQLException {
        return new ReportingService.Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                Obligation.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getBoolean(10), rs.getObject(11, Long.class));
    }
}
