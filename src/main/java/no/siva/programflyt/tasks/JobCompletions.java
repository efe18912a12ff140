package no.siva.programflyt.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine hears of a completed task after our commit (decision 0002): the completion's job command is stored with
 * the task's case data in the same transaction, sent once that transaction has committed (so no pooled connection
 * is held while the engine answers, and the workers the engine starts next find the case data committed), and sent
 * again by {@link #resendUnanswered()} if it never got an answer (the application stopped in between, the engine was
 * unavailable). Sending twice is harmless: the engine has the job no longer and says so.
 */
@Component
class JobCompletions {

    enum Outcome { COMPLETED, GONE }

    private static final Logger log = LoggerFactory.getLogger(JobCompletions.class);

    private final JdbcClient jdbc;
    private final CamundaClient client;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration engineTimeout;
    private final TransactionTemplate inNewTransaction;

    JobCompletions(JdbcClient jdbc, CamundaClient client, ObjectMapper json, Clock clock,
                   PlatformTransactionManager transactions,
                   @Value("${programflyt.tasks.engine-timeout:PT10S}") Duration engineTimeout) {
        this.inNewTransaction = new TransactionTemplate(transactions);
        this.inNewTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.client = client;
        this.json = json;
        this.clock = clock;
        this.engineTimeout = engineTimeout;
    }

    /**
     * Stores the job's completion command in the caller's transaction (it commits with the case data).
     *
     * @return the command's variables as JSON, for {@link #sendAfterCommit}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    String store(UserTask task, Map<String, Object> variables) {
        String body;
        try {
            body = json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("variables of task " + task.getId() + " are not JSON", e);
        }
        jdbc.sql("insert into job_completion (job_key, task_id, variables, created_at) values (?, ?, ?, ?)")
                .params(task.getJobKey(), task.getId(), body, Timestamp.from(clock.instant())).update();
        return body;
    }

    /**
     * Sends a stored completion now if no transaction is open (the usual case: the completion's own has committed
     * and its connection is back in the pool), or after the open one commits (a caller that completes a task inside
     * a transaction of its own: its connection stays held while the engine answers).
     *
     * @return the engine's answer, or null when it did not answer (sent again later) or will be sent after a commit
     */
    Outcome sendAfterCommit(long jobKey, String variables) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return send(jobKey, variables);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                send(jobKey, variables);
            }
        });
        return null;
    }

    /**
     * Sends the completions that have had no answer for a while, oldest first (each instance takes its own rows).
     *
     * @return how many were sent
     */
    int resendUnanswered() {
        List<Map.Entry<Long, String>> due = jdbc.sql("""
                update job_completion set attempts = attempts + 1
                where job_key in (select job_key from job_completion where outcome is null and created_at < ?
                                  order by created_at limit 100 for update skip locked)
                returning job_key, variables""")
                .param(Timestamp.from(clock.instant().minus(engineTimeout)))
                .query((rs, i) -> Map.entry(rs.getLong("job_key"), rs.getString("variables"))).list();
        due.forEach(e -> send(e.getKey(), e.getValue()));
        return due.size();
    }

    /** The engine's answer, stored; no answer (timeout, engine unavailable) leaves the completion to be sent again. */
    Outcome send(long jobKey, String variables) {
        try {
            client.newCompleteCommand(jobKey).variables(variables).requestTimeout(engineTimeout).send().join();
            answered(jobKey, Outcome.COMPLETED, null);
            return Outcome.COMPLETED;
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                // already completed by an earlier send, or the process moved on (cancelled) before our commit
                answered(jobKey, Outcome.GONE, e.getMessage());
                return Outcome.GONE;
            }
            failed(jobKey, e);
            return null;
        } catch (RuntimeException e) {
            failed(jobKey, e);
            return null;
        }
    }

    /** Stored in a transaction of its own: after a commit, the committed transaction's connection is still bound. */
    private void answered(long jobKey, Outcome outcome, String message) {
        inNewTransaction.executeWithoutResult(tx -> jdbc.sql(
                        "update job_completion set outcome = ?, answered_at = ?, last_error = ? where job_key = ? and outcome is null")
                .params(outcome.name(), Timestamp.from(clock.instant()), truncate(message), jobKey).update());
    }

    private void failed(long jobKey, RuntimeException e) {
        log.warn("Completion of job {} not answered by the engine, to be sent again: {}", jobKey, e.toString());
        try {
            inNewTransaction.executeWithoutResult(tx -> jdbc.sql("update job_completion set last_error = ? where job_key = ?")
                    .params(truncate(e.toString()), jobKey).update());
        } catch (RuntimeException ignored) {
            // the database is unavailable too: the row stays unanswered and is sent again
        }
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
