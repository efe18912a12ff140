package no.siva.programflyt.incidents;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.processes.BpmnModels;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class IncidentService {

    private final IncidentRepository incidents;
    private final CamundaClient client;
    private final EngineIncidents engineIncidents;
    private final AuditService audit;
    private final CaseDirectory cases;
    private final BpmnModels models;

    private final Clock clock;

    public IncidentService(Clock clock, IncidentRepository incidents, CamundaClient client,
                           EngineIncidents engineIncidents,
                           AuditService audit, CaseDirectory cases, BpmnModels models) {
        this.clock = clock;
        this.incidents = incidents;
        this.client = client;
        this.engineIncidents = engineIncidents;
        this.audit = audit;
        this.cases = cases;
        this.models = models;
    }

    /** Called when a job's last retry failed. Idempotent per job. */
    @Transactional
    public void recordExhaustedJob(ActivatedJob job, String error) {
        Map<String, Object> vars = job.getVariablesAsMap();
        Long caseId = vars.get("caseId") instanceof Number n ? n.longValue() : null;
        String caseType = cases.caseTypeOfProcess(job.getBpmnProcessId()).orElse(null);
        String businessKey = vars.get("businessKey") instanceof String s ? s : null;
        String message = error == null ? "ukjent feil" : error.substring(0, Math.min(error.length(), 2000));
        boolean inserted = incidents.recordOnce(job, message, caseType, caseId, businessKey, clock.instant());
        if (inserted) {
            audit.record(AuditService.SYSTEM, "INCIDENT_CREATED", caseType, caseId, businessKey,
                    "Feil i automatisk steg " + job.getElementId() + ": " + message, null);
        }
    }

    /** Removes an open incident recorded for a job that the engine, after all, did not fail for good. */
    public void forgetExhaustedJob(long jobKey) {
        incidents.forgetOpen(jobKey);
    }

    @Transactional(readOnly = true)
    public List<Incident> open() {
        return incidents.findByResolvedAtIsNullOrderByCreatedAtDesc();
    }

    /**
     * Gives the job the retries its model gives the task and resolves the engine's incident, so that a worker picks it
     * up again.
     */
    @Transactional
    public void retry(long incidentId, String username) {
        Incident incident = incidents.findById(incidentId)
                .orElseThrow(() -> new NotFoundException("incident " + incidentId));
        if (incident.getResolvedAt() != null) {
            throw new BusinessRuleException("incident.alreadyResolved");
        }
        long incidentKey = engineIncidents.incidentKeyOfJob(incident.getJobKey())
                .orElseThrow(() -> new BusinessRuleException("incident.notInEngine"));
        client.newUpdateRetriesCommand(incident.getJobKey())
                .retries(models.retries(incident.getBpmnProcessId(), incident.getElementId())).send().join();
        client.newResolveIncidentCommand(incidentKey).send().join();
        incident.resolve(username, clock.instant());
        audit.record(username, "INCIDENT_RETRIED", incident.getCaseType(), incident.getCaseId(),
                incident.getBusinessKey(), "Nytt forsøk på automatisk steg " + incident.getElementId(), null);
    }
}
