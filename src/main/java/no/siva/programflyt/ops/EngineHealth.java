package no.siva.programflyt.ops;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health "engine": the Zeebe gateway answers a topology request (part of readiness in production). */
@Component("engine")
public class EngineHealth implements HealthIndicator {

    private final CamundaClient client;

    public EngineHealth(CamundaClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        try {
            var topology = client.newTopologyRequest().requestTimeout(Duration.ofSeconds(3)).send().join();
            return Health.up().withDetail("brokers", topology.getBrokers().size())
                    .withDetail("partitions", topology.getPartitionsCount()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
