package no.siva.programflyt.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.tasks.JobCompletionRows.Due;
import no.siva.programflyt.processes.EngineCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

    enum Outcome {
        COMPLETED, GONE
    }

    private static final Logger log = LoggerFactory.getLogger(JobCompletions.class);

    private final JobCompletionRows rows;
    private final CamundaClient client;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration engineTimeout;
    private final Duration engineWait;
    private final Duration resendAfter;
    private final TransactionTemplate inNewTransaction;
    private final UserTaskRepository tasks;
    private final AuditService audit;
    /** Sends completions the request no longer waits for; a few at a time, as the engine takes them one by one. */
    private final ExecutorService sender = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().daemon().name("job-completion-", 0).factory());

    JobCompletions(JobCompletionRows rows, CamundaClient client, ObjectMapper json, Clock clock,
                   PlatformTransactionManager transactions, UserTaskRepository tasks, AuditService audit,
                   @Value("${programflyt.tasks.engine-timeout:PT10S}") Duration engineTimeout,
                   @Value("${programflyt.tasks.engine-wait:PT0.2S}") Duration engineWait,
                   @Value("${programflyt.tasks.resend-after:PT2M}") Duration resendAfter) {
        this.tasks = tasks;
        this.audit = audit;
        this.engineWait = engineWait;
        this.resendAfter = resendAfter;
        this.inNewTransaction = new TransactionTemplate(transactions);
        this.inNewTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.rows = rows;
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
        rows.insert(task.getJobKey(), task.getId(), body, clock.instant(), clock.instant().plus(resendAfter));
        return body;
    }

    /**
     * Sends a stored completion once no transaction is open (the usual case: the completion's own has committed and
     * its connection is back in the pool), and waits for the engine's answer at most {@code engine-wait} (0.2 s): a
     * busy engine answers later, on a thread of its own, and the user does not wait for it. A caller that completes a
     * task inside a transaction of its own gets the command sent after that transaction commits.
     *
     * @return the engine's answer, or null when it has not answered within the wait (or will be sent after a commit)
     */
    Outcome sendAfterCommit(long jobKey, String variables) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatch(jobKey, variables, engineWait);
                }
            });
            return null;
        }
        return dispatch(jobKey, variables, engineWait);
    }

    /** Sends on the sender's threads; the answer if it comes within {@code wait}, else null (it is stored when it comes). */
    Outcome dispatch(long jobKey, String variables, Duration wait) {
        CompletableFuture<Outcome> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> claimFirst(jobKey) ? send(jobKey, variables, true) : null, sender);
        } catch (RejectedExecutionException shuttingDown) {
            return null;   // the application is stopping: the resender sends it at the next start
        }
        try {
            return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException later) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(engineTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Sends again the completions whose next attempt is due, oldest first, on the sender's threads (never on the
     * scheduler's, which the mail outbox shares). Each row taken is moved to its next attempt in the same statement,
     * so another instance does not take it too, and a row that keeps failing does not hold back the others; after
     * {@link #MAX_ATTEMPTS} attempts it is marked FAILED and logged as an error, for an operator to look into.
     *
     * @return how many were handed to the sender
     */
    int resendUnanswered() {
        Instant now = clock.instant();
        List<Due> due = rows.takeDue(now, resendAfter);
        for (Due d : due) {
            if (d.attempts() > MAX_ATTEMPTS) {
                giveUp(d.jobKey());
            } else {
                try {
                    sender.execute(() -> send(d.jobKey(), d.variables(), false));
                } catch (RejectedExecutionException stopping) {
                    return due.size();   // the application is stopping: the rows stay for the next start
                }
            }
        }
        return due.size();
    }

    /** Attempts before a completion is given up (about two hours with the default two minutes' growing wait). */
    static final int MAX_ATTEMPTS = 10;

    /** The first send takes its row, unless the resender already has (then that one sends it). */
    private boolean claimFirst(long jobKey) {
        return Boolean.TRUE.equals(inNewTransaction.execute(tx -> rows.claimFirst(jobKey, clock.instant().plus(resendAfter))));
    }

    private void giveUp(long jobKey) {
        inNewTransaction.executeWithoutResult(tx -> rows.giveUp(jobKey, clock.instant()));
        log.error("Completion of job {} given up after {} attempts without an answer from the engine: the task is "
                + "completed in the task list, the engine still waits for it (see job_completion.last_error)",
                jobKey, MAX_ATTEMPTS);
    }

    /**
     * The engine's answer, stored; no answer (timeout, engine unavailable) leaves the completion to be sent again.
     * "Not found" at the first send means the process moved on before our commit: recorded in the case's audit
     * trail. At a later send it is also what an answer lost on its way back looks like, so it is only stored.
     */
    Outcome send(long jobKey, String variables, boolean first) {
        try {
            client.newCompleteCommand(jobKey).variables(variables).requestTimeout(engineTimeout).send().join();
            answered(jobKey, Outcome.COMPLETED, null);
            return Outcome.COMPLETED;
        } catch (RuntimeException e) {
            if (EngineCommands.isNotFound(e)) {
                if (answered(jobKey, Outcome.GONE, e.getMessage()) && first) {
                    recordGone(jobKey);
                }
                return Outcome.GONE;
            }
            failed(jobKey, e);
            return null;
        }
    }

    /** Stored in a transaction of its own (true when this answer was the first); never blocks on a bound connection. */
    private boolean answered(long jobKey, Outcome outcome, String message) {
        return Boolean.TRUE.equals(inNewTransaction.execute(
                tx -> rows.answered(jobKey, outcome.name(), clock.instant(), truncate(message))));
    }

    private void recordGone(long jobKey) {
        inNewTransaction.executeWithoutResult(tx -> tasks.findByJobKey(jobKey).ifPresent(t -> audit.record(
                AuditService.SYSTEM, "TASK_COMPLETION_GONE", t.getCaseType(), t.getCaseId(), t.getBusinessKey(),
                "Prosessen hadde gått videre da oppgaven «" + t.getName() + "» ble fullført: svaret er lagret, men "
                        + "flyttet ikke saken",
                null)));
    }

    private void failed(long jobKey, RuntimeException e) {
        log.warn("Completion of job {} not answered by the engine, to be sent again: {}", jobKey, e.toString());
        try {
            inNewTransaction.executeWithoutResult(tx -> rows.lastError(jobKey, truncate(e.toString())));
        } catch (RuntimeException ignored) {
            // the database is unavailable too: the row stays unanswered and is sent again
        }
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
