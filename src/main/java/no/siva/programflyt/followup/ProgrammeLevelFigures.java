package no.siva.programflyt.followup;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The programme-level figures shown beside a follow-up's scoreboard, read from the target companies' and the
 * reporting calendar's tables (a report over every operator; no case data of those modules is changed).
 */
@Repository
class ProgrammeLevelFigures {

    private final JdbcClient jdbc;

    ProgrammeLevelFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code own}: the operator's active target companies; {@code others}: the mean of the other operators'. */
    Map<String, Object> activeCompanies(long operatorId) {
        return jdbc.sql("""
                select count(*) filter (where operator_id = :op) as own,
                       count(*) filter (where operator_id <> :op)::numeric
                         / greatest(count(distinct operator_id) filter (where operator_id <> :op), 1) as others
                from target_company where status = 'ACTIVE'""").param("op", operatorId).query().singleRow();
    }

    /** The year's reporting deadlines passed before {@code today}, and those met, for the operator and for all. */
    Map<String, Object> deadlinesMet(long operatorId, LocalDate today) {
        return jdbc.sql("""
                select count(*) filter (where operator_id = :op and due_date < :today) as own_due,
                       count(*) filter (where operator_id = :op and due_date < :today and status = 'DONE') as own_done,
                       count(*) filter (where due_date < :today and status <> 'CANCELED') as all_due,
                       count(*) filter (where due_date < :today and status = 'DONE') as all_done
                from reporting_obligation where year = :year""").param("op", operatorId).param("year", today.getYear())
                .param("today", today)
                .query().singleRow();
    }
}
