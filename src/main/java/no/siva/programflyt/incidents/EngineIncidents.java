package no.siva.programflyt.incidents;

import io.camunda.client.CamundaClient;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Finds the engine's incident key for a failed job, which resolving the incident needs. On a real Camunda 8.8
 * cluster the orchestration REST API answers (it needs secondary storage); the in-memory engine of the development
 * run and the tests has no such API, and the dev runtime supplies an {@link InMemoryIncidentKeys} that reads its
 * record stream instead.
 */
@Component
public class EngineIncidents {

    /** Where the in-memory engine's incidents are looked up (development and tests only). */
    public interface InMemoryIncidentKeys {
        /** Whether an in-memory engine runs in this JVM (else the engine's API is asked). */
        boolean available();

        Optional<Long> incidentKeyOfJob(long jobKey);
    }

    private final CamundaClient client;
    private final ObjectProvider<InMemoryIncidentKeys> inMemory;

    public EngineIncidents(CamundaClient client, ObjectProvider<InMemoryIncidentKeys> inMemory) {
        this.client = client;
        this.inMemory = inMemory;
    }

    public Optional<Long> incidentKeyOfJob(long jobKey) {
        InMemoryIncidentKeys local = inMemory.getIfAvailable();
        if (local != null && local.available()) {
            return local.incidentKeyOfJob(jobKey);
        }
        return client.newIncidentSearchRequest().filter(f -> f.jobKey(jobKey)).send().join().items().stream()
                .map(i -> i.getIncidentKey()).reduce((a, b) -> b);
    }
}
