package no.siva.programflyt.reporting;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The reporting processes' service tasks: one small worker per job type, delegating to the service and steps. */
@Component
public class ReportingWorkers {

    private static final long TIMEOUT = 60_000;

    private final ReportingService reporting;
    private final ReportingSteps steps;
    private final ReportingStop stop;
    private final String baseUrl;

    private final Clock clock;

    public ReportingWorkers(Clock clock, ReportingService reporting, ReportingSteps steps, ReportingStop stop,
                            @Value("${programflyt.base-url}") String baseUrl) {
        this.clock = clock;
        this.reporting = reporting;
        this.steps = steps;
        this.stop = stop;
        this.baseUrl = baseUrl;
    }

    @JobWorker(type = "reporting.plan-year", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"operatorId", "year"})
    public Map<String, Object> planYear(ActivatedJob job, @Variable long operatorId, @Variable Integer year) {
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        LocalDate from = y == today.getYear() ? today : LocalDate.of(y, 1, 1);
        return reporting.planYear(operatorId, y, job.getProcessInstanceKey(), from);
    }

    @JobWorker(type = "reporting.start-all", autoComplete = true, timeout = TIMEOUT)
    public Map<String, Object> startAll() {
        return Map.of("started", steps.startAll(LocalDate.now(clock).getYear()));
    }

    @JobWorker(type = "reporting.open", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"obligation"})
    public void open(@Variable Map<String, Object> obligation) {
        steps.open(id(obligation));
    }

    @JobWorker(type = "reporting.remind", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"obligation"})
    public void remind(ActivatedJob job, @Variable Map<String, Object> obligation) {
        steps.remind(id(obligation), Integer.parseInt(job.getCustomHeaders().getOrDefault("reminder", "1")),
                baseUrl + "/tasks?view=mine");
    }

    @JobWorker(type = "reporting.escalate", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"obligation"})
    public void escalate(@Variable Map<String, Object> obligation) {
        steps.escalate(id(obligation));
    }

    @JobWorker(type = "reporting.reject", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"obligation"})
    public void reject(@Variable Map<String, Object> obligation) {
        steps.reject(id(obligation));
    }

    @JobWorker(type = "reporting.done", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"obligation"})
    public void done(@Variable Map<String, Object> obligation) {
        steps.done(id(obligation));
    }

    private static long id(Map<String, Object> obligation) {
        return ((Number) obligation.get("obligationId")).longValue();
    }

    /** The operator's cooperation agreement is revoked: its reporting calendar stops (extraordinary follow-up). */
    @JobWorker(type = "reporting.stop-for-operator", autoComplete = true, timeout = TIMEOUT, fetchVariables = {"operatorId", "reason"})
    public void stopForOperator(@Variable long operatorId, @Variable String reason) {
        stop.stopForOperator(operatorId, reason);
    }
}
