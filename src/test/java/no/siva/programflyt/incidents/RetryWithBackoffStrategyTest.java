package no.siva.programflyt.incidents;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy.ExceptionHandlingContext;
import io.camunda.client.metrics.MetricsRecorder;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A failed job's retries, back-off and incident when our own database is part of the failure. */
class RetryWithBackoffStrategyTest {

    private final IncidentService incidents = mock(IncidentService.class);
    private final JobClient client = mock(JobClient.class, RETURNS_DEEP_STUBS);
    private final RetryWithBackoffStrategy strategy = new RetryWithBackoffStrategy(
            mock(CommandExceptionHandlingStrategy.class), mock(MetricsRecorder.class), incidents,
            Duration.ofSeconds(10), Duration.ofMinutes(10), 3);

    private ExceptionHandlingContext job(int retries) {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getKey()).thenReturn(42L);
        when(job.getRetries()).thenReturn(retries);
        when(job.getType()).thenReturn("admission.remind-pilot-end");
        return new ExceptionHandlingContext(client, job, null);
    }

    @Test
    void anOrdinaryFailureUsesARetry_andTheLastOneBecomesAnIncident() throws Exception {
        strategy.handleException(new IllegalStateException("register says 503"), job(2));
        verify(client.newFailCommand(42L)).retries(1);
        verify(incidents, never()).recordExhaustedJob(any(), any());

        strategy.handleException(new IllegalStateException("register says 503"), job(1));
        verify(client.newFailCommand(42L)).retries(0);
        verify(incidents).recordExhaustedJob(any(), any());
    }

    @Test
    void ourDatabaseDown_usesNoRetry_evenOnTheLastOne() throws Exception {
        strategy.handleException(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("programflyt - Connection is not available")), job(1));
        verify(client.newFailCommand(42L)).retries(1);
        verify(client.newFailCommand(42L).retries(1)).retryBackoff(Duration.ofSeconds(10));
        verify(incidents, never()).recordExhaustedJob(any(), any());

        strategy.handleException(new CannotGetJdbcConnectionException("no connection"), job(3));
        verify(client.newFailCommand(42L)).retries(3);
    }

    @Test
    void anIncidentThatCannotBeRecorded_isNotLost_theJobIsTriedAgainLater() throws Exception {
        doThrow(new CannotGetJdbcConnectionException("database down")).when(incidents).recordExhaustedJob(any(), any());
        strategy.handleException(new IllegalStateException("register says 503"), job(1));
        verify(client.newFailCommand(42L), never()).retries(0);
        verify(client.newFailCommand(42L)).retries(1);
        verify(client.newFailCommand(42L).retries(1)).retryBackoff(Duration.ofMinutes(10));
    }
}
