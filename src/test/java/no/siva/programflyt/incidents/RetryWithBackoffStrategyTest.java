package no.siva.programflyt.incidents;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.command.FailJobCommandStep1;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy.ExceptionHandlingContext;
import io.camunda.client.metrics.MetricsRecorder;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import no.siva.programflyt.processes.BpmnModels;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A failed job's retries, back-off and incident when our own database is part of the failure. */
class RetryWithBackoffStrategyTest {

    /** What the pool throws when PostgreSQL cannot be reached: its timeout, caused by the refused connection. */
    private static final RuntimeException DATABASE_DOWN = new CannotCreateTransactionException("Could not open JPA EntityManager",
            new SQLTransientConnectionException("programflyt - Connection is not available, request timed out after 10000ms",
                    new SQLException("Connection to localhost:5432 refused", "08001")));

    private final IncidentService incidents = mock(IncidentService.class);
    private final JobClient client = mock(JobClient.class, RETURNS_DEEP_STUBS);
    private final RetryWithBackoffStrategy strategy = new RetryWithBackoffStrategy(
            mock(CommandExceptionHandlingStrategy.class), mock(MetricsRecorder.class), incidents,
            Duration.ofSeconds(10), Duration.ofMinutes(10), new BpmnModels());

    private ExceptionHandlingContext job(int retries) {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getKey()).thenReturn(42L);
        when(job.getRetries()).thenReturn(retries);
        when(job.getType()).thenReturn("admission.remind-pilot-end");
        return new ExceptionHandlingContext(client, job, null);
    }

    private ExceptionHandlingContext job(String processId, String elementId, int retries) {
        ExceptionHandlingContext context = job(retries);
        when(context.job().getBpmnProcessId()).thenReturn(processId);
        when(context.job().getElementId()).thenReturn(elementId);
        return context;
    }

    private FailJobCommandStep1 failed() {
        return client.newFailCommand(42L);
    }

    @Test
    void anOrdinaryFailureUsesARetry_andTheLastOneIsRecordedAsAnIncidentBeforeTheJobFailsForGood() throws Exception {
        strategy.handleException(new IllegalStateException("register says 503"), job(2));
        verify(failed()).retries(1);
        verify(incidents, never()).recordExhaustedJob(any(), any());

        strategy.handleException(new IllegalStateException("register says 503"), job(1));
        var order = inOrder(incidents, failed());
        order.verify(incidents).recordExhaustedJob(any(), any());
        order.verify(failed()).retries(0);
    }

    @Test
    void ourDatabaseDown_usesNoRetry_evenOnTheLastOne() throws Exception {
        strategy.handleException(DATABASE_DOWN, job(1));
        verify(failed()).retries(1);
        verify(failed().retries(1)).retryBackoff(Duration.ofSeconds(10));
        verify(incidents, never()).recordExhaustedJob(any(), any());

        strategy.handleException(new IllegalStateException("rollback failed", new SQLException("Connection is closed")), job(3));
        verify(failed()).retries(3);
    }

    @Test
    void aFullPoolOrAnErrorTheDatabaseGivesEveryTime_isNoOutage_andUsesARetry() throws Exception {
        strategy.handleException(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("Connection is not available, request timed out after 10000ms")), job(3));
        verify(failed()).retries(2);
        strategy.handleException(new IllegalStateException(new SQLException("index row size exceeds maximum", "54000")), job(2));
        verify(failed()).retries(1);
    }

    @Test
    void anIncidentThatCannotBeRecordedBecauseTheDatabaseIsDown_isNotLost_theJobIsTriedAgainLater() throws Exception {
        doThrow(DATABASE_DOWN).when(incidents).recordExhaustedJob(any(), any());
        strategy.handleException(new IllegalStateException("register says 503"), job(1));
        verify(failed(), never()).retries(0);
        verify(failed()).retries(1);
        verify(failed().retries(1)).retryBackoff(Duration.ofMinutes(10));
    }

    @Test
    void anIncidentThatCannotBeRecordedForAnotherReason_stillFailsTheJobForGood() throws Exception {
        doThrow(new IllegalArgumentException("no case type")).when(incidents).recordExhaustedJob(any(), any());
        strategy.handleException(new IllegalStateException("register says 503"), job(1));
        verify(failed()).retries(0);
    }

    @Test
    void whenTheEngineRefusesTheFailure_theIncidentJustRecordedIsForgotten() {
        when(failed().retries(anyInt()).retryBackoff(any()).errorMessage(any()).send().join())
                .thenThrow(new IllegalStateException("NOT_FOUND: job 42 timed out"));
        assertThatThrownBy(() -> strategy.handleException(new IllegalStateException("register says 503"), job(1)))
                .hasMessageContaining("NOT_FOUND");
        var order = inOrder(incidents);
        order.verify(incidents).recordExhaustedJob(any(), any());
        order.verify(incidents).forgetExhaustedJob(42L);
    }

    @Test
    void theBackOffDoublesFromTheRetriesTheModelGivesTheTask_fiveForPlanningTheReportingYear() throws Exception {
        // «Planlegg fristene for året» has retries="5": 10, 20, 40 and 80 seconds, then the incident
        for (int retries = 5; retries >= 2; retries--) {
            strategy.handleException(new IllegalStateException("engine busy"),
                    job("annual-reporting-calendar", "planlegge-rapporteringsaret", retries));
        }
        verify(failed().retries(4)).retryBackoff(Duration.ofSeconds(10));
        verify(failed().retries(3)).retryBackoff(Duration.ofSeconds(20));
        verify(failed().retries(2)).retryBackoff(Duration.ofSeconds(40));
        verify(failed().retries(1)).retryBackoff(Duration.ofSeconds(80));
        verify(incidents, never()).recordExhaustedJob(any(), any());
    }
}
