package no.siva.programflyt.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
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
}
