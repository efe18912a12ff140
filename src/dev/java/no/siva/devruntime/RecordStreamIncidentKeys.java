package no.siva.devruntime;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.Optional;
import no.siva.programflyt.incidents.EngineIncidents;
import org.springframework.beans.factory.ObjectProvider;

/** The in-memory engine has no search API: its record stream says which incident a failed job raised. */
class RecordStreamIncidentKeys implements EngineIncidents.InMemoryIncidentKeys {

    private final ObjectProvider<ZeebeTestEngine> engine;

    RecordStreamIncidentKeys(ObjectProvider<ZeebeTestEngine> engine) {
        this.engine = engine;
    }

    @Override
    public boolean available() {
        return engine.getIfUnique() != null;
    }

    @Override
    public Optional<Long> incidentKeyOfJob(long jobKey) {
        ZeebeTestEngine e = engine.getIfUnique();
        if (e == null) {
            return Optional.empty();
        }
        Long found = null;
        for (Record<?> r : e.getRecordStreamSource().getRecords()) {
            if (r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED
                    && ((IncidentRecordValue) r.getValue()).getJobKey() == jobKey) {
                found = r.getKey();
            }
        }
        return Optional.ofNullable(found);
    }
}
