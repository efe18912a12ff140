package no.siva.programflyt.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code reporting_obligation} as the reporting tasks write it: delivered, reviewed, and the amounts given. */
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
}
