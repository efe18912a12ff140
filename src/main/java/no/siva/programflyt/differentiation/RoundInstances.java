package no.siva.programflyt.differentiation;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code diff_round} as the engine's instances claim them: one round a year, and one instance runs it,
 * however often the yearly timer or a redelivered job asks.
 */
@Repository
class RoundInstances {

    private final JdbcClient jdbc;

    RoundInstances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's round, unless it exists. */
    void createIfAbsent(int year, boolean differentiation, RoundStatus status, String by, Instant at) {
        jdbc.sql("insert into diff_round (round_year, differentiation, status, started_by, started_at) "
                + "values (?, ?, ?, ?, ?) on conflict (round_year) do nothing")
                .params(year, differentiation, status.name(), by, Timestamp.from(at)).update();
    }

    /** The first instance to claim a round runs it; the same instance again on a redelivered job. False for another. */
    boolean claim(long roundId, long processInstanceKey) {
        return jdbc.sql("update diff_round set process_instance_key = ? where id = ? "
                + "and (process_instance_key is null or process_instance_key = ?)")
                .params(processInstanceKey, roundId, processInstanceKey).update() > 0;
    }

    /** The instance a manual start created, unless one is already recorded. */
    void attach(long roundId, long processInstanceKey) {
        jdbc.sql("update diff_round set process_instance_key = ? where id = ? and process_instance_key is null")
                .params(processInstanceKey, roundId).update();
    }
}
