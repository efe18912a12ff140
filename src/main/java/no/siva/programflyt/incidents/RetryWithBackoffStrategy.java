package no.siva.programflyt.incidents;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import no.siva.programflyt.processes.BpmnModels;
import no.siva.programflyt.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every worker's failure handling in one place: a failed job is retried after a doubling pause (the starter's
 * default retries at once), and when its last retry fails the incident is recorded in our table, where Siva case
 * handlers see it and can retry it. BPMN errors and job errors thrown on purpose keep the starter's handling.
 */
@Component
class RetryWithBackoffStrategy implements JobExceptionHandlingStrategy {

    private static final Logger log = LoggerFactory.getLogger(RetryWithBackoffStrategy.class);

    private final DefaultJobExceptionHandlingStrategy defaults;
    private final IncidentService incidents;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final BpmnModels models;

    public RetryWithBackoffStrategy(CommandExceptionHandlingStrategy commands, MetricsRecorder metrics,
                                    @Lazy IncidentService incidents,
                                    @Value("${programflyt.jobs.retry-backoff:PT10S}") Duration baseBackoff,
                                    @Value("${programflyt.jobs.max-backoff:PT10M}") Duration maxBackoff,
                                    BpmnModels models) {
        this.defaults = new DefaultJobExceptionHandlingStrategy(commands, metrics);
        this.incidents = incidents;
        this.baseBackoff = baseBackoff;
        this.maxBackoff = maxBackoff;
        this.models = models;
    }

    @Override
    public void handleException(Exception e, ExceptionHandlingContext context) throws Exception {
        if (e instanceof CamundaError) {
            defaults.handleException(e, context);
            return;
        }
        ActivatedJob job = context.job();
        String message = describe(e);
        int remaining;
        Duration backoff;
        if (DatabaseUnavailable.isCause(e)) {
            // our own database is down: nothing is wrong with the case, so the outage uses up no retries
            remaining = Math.max(job.getRetries(), 1);
            backoff = baseBackoff;
        } else {
            remaining = Math.max(job.getRetries() - 1, 0);
            // the failures so far, counted from the retries the model gives the task
            backoff = backoffAfter(models.retries(job.getBpmnProcessId(), job.getElementId()) - remaining);
        }
        boolean recorded = false;
        if (remaining == 0) {
            try {
                // written before the job fails for good, so that an incident in the engine is always one in our list
                incidents.recordExhaustedJob(job, message);
                recorded = true;
            } catch (RuntimeException recordFailed) {
                if (DatabaseUnavailable.isCause(recordFailed)) {
                    // our database is down: try the job again later rather than leave the incident in the engine only
                    log.warn("Job {} ({}): its incident could not be recorded, the job is tried again later: {}",
                            job.getKey(), job.getType(), describe(recordFailed));
                    remaining = 1;
                    backoff = maxBackoff;
                } else {
                    // a fault of its own, which would fail every time: the incident stays in the engine (Operate)
                    log.error("Job {} ({}): its incident could not be recorded in the application", job.getKey(),
                            job.getType(), recordFailed);
                }
            }
        }
        log.warn("Job {} ({}) failed, {} retries left, next in {}: {}", job.getKey(), job.getType(), remaining,
                backoff, message);
        try {
            context.jobClient().newFailCommand(job.getKey()).retries(remaining).retryBackoff(backoff)
                    .errorMessage(message).send().join();
        } catch (RuntimeException failCommandFailed) {
            if (recorded) {
                // the engine has no incident (it will time the job out and deliver it again): neither has our list
                incidents.forgetExhaustedJob(job.getKey());
            }
            throw failCommandFailed;
        }
    }

    /** base, 2 x base, 4 x base ... capped at the maximum. */
    Duration backoffAfter(int failures) {
        Duration d = baseBackoff.multipliedBy(1L << Math.max(0, Math.min(failures - 1, 20)));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    /** Our own exception's message first (it says what failed in Norwegian), then the root cause. */
    static String describe(Throwable e) {
        Throwable root = e;
        Throwable ours = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (ours == null && t.getClass().getName().startsWith("no.siva.programflyt.")) {
                ours = t;
            }
            root = t;
        }
        String rootText = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        if (ours == null || ours == root) {
            return rootText;
        }
        return ours.getMessage() + " (" + rootText + ")";
    }
}
