package no.siva.programflyt.tasks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code job_completion}: each completed task's job command until the engine has answered it. */
@Repository
class JobCompletionRows {

    /** A completion taken for its next attempt. */
    record Due(long jobKey, String variables, int attempts) {}

    private final JdbcClient jdbc;

    JobCompletionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long jobKey, long taskId, String variables, Instant at, Instant nextAttemptAt) {
        jdbc.sql("insert into job_completion (job_key, task_id, variables, created_at, next_attempt_at) values (?, ?, ?, ?, ?)")
                .params(jobKey, taskId, variables, Timestamp.from(at), Timestamp.from(nextAttemptAt)).update();
    }

    /**
     * Takes up to 100 unanswered completions whose next attempt is due, oldest first, each moved to its next attempt
     * (a wait growing with the attempts) in the same statement, so that another instance does not take it too.
     */
    List<Due> takeDue(Instant now, Duration resendAfter) {
        return jdbc.sql("""
                update job_completion set attempts = attempts + 1,
                       next_attempt_at = cast(? as timestamptz) + least(attempts + 1, 10) * cast(? as interval)
                where job_key in (select job_key from job_completion where outcome is null and next_attempt_at <= ?
                                  order by next_attempt_at limit 100 for update skip locked)
                returning job_key, variables, attempts""")
                .params(Timestamp.from(now), resendAfter.toSeconds() + " seconds", Timestamp.from(now))
                .query((rs, i) -> new Due(rs.getLong("job_key"), rs.getString("variables"), rs.getInt("attempts")))
                .list();
    }

    /** The first send takes its row unless the resender has; whether it did. */
    boolean claimFirst(long jobKey, Instant nextAttemptAt) {
        return jdbc.sql("""
                update job_completion set attempts = 1, next_attempt_at = ?
                where job_key = ? and outcome is null and attempts = 0""")
                .params(Timestamp.from(nextAttemptAt), jobKey).update() == 1;
    }

    void giveUp(long jobKey, Instant at) {
        jdbc.sql("update job_completion set outcome = 'FAILED', answered_at = ? where job_key = ? and outcome is null")
                .params(Timestamp.from(at), jobKey).update();
    }

    /** The engine's answer, unless one is stored already; whether this was the first. */
    boolean answered(long jobKey, String outcome, Instant at, String message) {
        return jdbc.sql("update job_completion set outcome = ?, answered_at = ?, last_error = ? where job_key = ? and outcome is null")
                .params(outcome, Timestamp.from(at), message, jobKey).update() == 1;
    }

    void lastError(long jobKey, String message) {
        jdbc.sql("update job_completion set last_error = ? where job_key = ?").params(message, jobKey).update();
    }
}
