package no.siva.programflyt.incidents;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Finds the engine's incident key for a failed job, which resolving the incident needs. On a real Camunda 8.8
 * cluster the orchestration REST API answers (it needs secondary storage); on the in-memory engine (dev and tests)
 * its record stream does.
 */
@Component
public class EngineIncidents {

    private final CamundaClient client;
    private final ObjectProvider<ZeebeTestEngine> inMemoryEngine;

    public EngineIncidents(CamundaClient client, ObjectProvider<ZeebeTestEngine> inMemoryEngine) {
        this.client = client;
        this.inMemoryEngine = inMemoryEngine;
    }

    public Optional<Long> incidentKeyOfJob(long jobKey) {
        ZeebeTestEngine engine = inMemoryEngine.getIfAvailable();
        if (engine != null) {
            Long found = null;
            for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
                if (r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED
                        && ((IncidentRecordValue) r.getValue()).getJobKey() == jobKey) {
                    found = r.getKey();
                }
            }
            return Optional.ofNullable(found);
        }
        return client.newIncidentSearchRequest().filter(f -> f.jobKey(jobKey)).send().join().items().stream()
                .map(i -> i.getIncidentKey()).reduce((a, b) -> b);
    }
}
