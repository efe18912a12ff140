package no.siva.programflyt.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each operator's grant step with the date it takes effect. The December notification places an operator «med
 * virkning fra første halvår det kommende året» (guide §15.3.10): the step is recorded in December and becomes the
 * current step on 1 January. A step recorded again for the same date (a redelivered job) changes nothing.
 */
@Repository
public class GrantSteps {

    /** One step of the history, with the period it applies to ({@code until} null: still in force). */
    public record Step(int step, LocalDate effectiveFrom, LocalDate until, String source, Long roundId, String recordedBy,
                       Instant recordedAt) {
        public boolean inForce(LocalDate day) {
            return !effectiveFrom.isAfter(day) && (until == null || day.isBefore(until));
        }
    }

    public static final String DIFFERENTIATION = "DIFFERENTIATION";
    public static final String LIMITED_ANALYSIS = "LIMITED_ANALYSIS";

    private final JdbcClient jdbc;
    private final Clock clock;

    public GrantSteps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the step from {@code effectiveFrom}. The same decision again (a redelivered job) changes nothing; a later
     * decision for the same date (a limited analysis after the round's notification) replaces the earlier one.
     */
    @Transactional
    public void record(long operatorId, int step, LocalDate effectiveFrom, String source, Long roundId, String by) {
        jdbc.sql("insert into operator_grant_step (operator_id, effective_from, step, source, round_id, recorded_by, recorded_at) "
                + "values (?, ?, ?, ?, ?, ?, ?) on conflict (operator_id, effective_from) do update set "
                + "step = excluded.step, source = excluded.source, round_id = excluded.round_id, "
                + "recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at "
                + "where operator_grant_step.step <> excluded.step or operator_grant_step.source <> excluded.source")
                .params(operatorId, effectiveFrom, step, source, roundId, by, Timestamp.from(clock.instant())).update();
    }

    /** The step in force on a day (none before the first record). */
    @Transactional(readOnly = true)
    public Optional<Integer> on(long operatorId, LocalDate day) {
        return jdbc.sql("select step from operator_grant_step where operator_id = ? and effective_from <= ? "
                + "order by effective_from desc limit 1").params(operatorId, day).query(Integer.class).optional();
    }

    /** The step in force today. */
    public Optional<Integer> current(long operatorId) {
        return on(operatorId, LocalDate.now(clock));
    }

    /** The whole history, oldest first, each step with its period. */
    @Transactional(readOnly = true)
    public List<Step> history(long operatorId) {
        record Row(int step, LocalDate effectiveFrom, String source, Long roundId, String recordedBy, Instant recordedAt) {}
        List<Row> rows = jdbc.sql("select step, effective_from, source, round_id, recorded_by, recorded_at "
                + "from operator_grant_step where operator_id = ? order by effective_from").param(operatorId).query(Row.class).list();
        ArrayList<Step> steps = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            steps.add(new Step(r.step(), r.effectiveFrom(), i + 1 < rows.size() ? rows.get(i + 1).effectiveFrom() : null,
                    r.source(), r.roundId(), r.recordedBy(), r.recordedAt()));
        }
        return steps;
    }
}
