package no.siva.programflyt.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code reporting_year}: one operator's reporting year, keyed by operator and year, with its instance. */
@Repository
class ReportingYears {

    private final JdbcClient jdbc;

    ReportingYears(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new year's row, or empty when the operator's year is there already (the calendar starts once). */
    Optional<Long> insertIfAbsent(long operatorId, int year, Instant at) {
        return jdbc.sql("""
                insert into reporting_year (operator_id, year, created_at) values (?, ?, ?)
                on conflict (operator_id, year) do nothing returning id""").params(operatorId, year, Timestamp.from(at))
                .query(Long.class).optional();
    }

    void setInstance(long id, long processInstanceKey) {
        jdbc.sql("update reporting_year set process_instance_key = ? where id = ?").params(processInstanceKey, id).update();
    }

    /** The year's row, made when missing, with its instance unless it has one already; its id. */
    long ensure(long operatorId, int year, long processInstanceKey, Instant at) {
        jdbc.sql("""
                insert into reporting_year (operator_id, year, process_instance_key, created_at) values (?, ?, ?, ?)
                on conflict (operator_id, year) do update set process_instance_key =
                    coalesce(reporting_year.process_instance_key, excluded.process_instance_key)""")
                .params(operatorId, year, processInstanceKey, Timestamp.from(at)).update();
        return jdbc.sql("select id from reporting_year where operator_id = ? and year = ?").params(operatorId, year)
                .query(Long.class).single();
    }

    /** An operator's years: the row's id and its calendar instance (0 when it has none). */
    List<long[]> forOperator(long operatorId) {
        return jdbc.sql("select id, coalesce(process_instance_key, 0) from reporting_year where operator_id = ?")
                .param(operatorId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    List<Long> idsOfOperator(long operatorId) {
        return jdbc.sql("select id from reporting_year where operator_id = ?").param(operatorId).query(Long.class).list();
    }

    /** A year's case facts: when it began, its year, and when its last deadline was met if none is open any more. */
    Optional<CaseFacts> facts(long id) {
        return jdbc.sql("select y.created_at, y.year, (select count(*) from reporting_obligation o where o.reporting_year_id = y.id "
                + "and o.status not in ('DONE', 'CANCELED')) open, (select max(coalesce(o.reviewed_at, o.submitted_at)) from reporting_obligation o "
                + "where o.reporting_year_id = y.id) last from reporting_year y where y.id = ?").param(id)
                .query((rs, n) -> new CaseFacts(rs.getTimestamp(1).toInstant(),
                        rs.getLong(3) == 0 ? SqlTimes.instant(rs.getTimestamp(4)) : null, rs.getInt(2)))
                .optional();
    }

    /** A year's operator, year and number of deadlines still open. */
    Optional<long[]> operatorYearAndOpen(long id) {
        return jdbc.sql("select y.operator_id, y.year, (select count(*) from reporting_obligation o where o.reporting_year_id = y.id "
                + "and o.status not in ('DONE', 'CANCELED')) from reporting_year y where y.id = ?").param(id)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2), rs.getLong(3)}).optional();
    }
}
