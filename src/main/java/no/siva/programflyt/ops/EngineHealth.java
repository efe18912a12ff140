package no.siva.programflyt.ops;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health "engine": the Zeebe gateway answers a topology request (part of readiness in production). The first answer
 * is logged with the gateway's and the brokers' versions and the client's, so an upgrade can be checked in the log
 * (deploy/README.md, «Camunda 8.10»).
 */
@Component("engine")
class EngineHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(EngineHealth.class);

    private final CamundaClient client;
    private volatile boolean versionsLogged;

    public EngineHealth(CamundaClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        try {
            var topology = client.newTopologyRequest().requestTimeout(Duration.ofSeconds(3)).send().join();
            if (!versionsLogged) {
                versionsLogged = true;
                log.info("Camunda cluster: gateway {}, brokers {}; client {}", topology.getGatewayVersion(),
                        topology.getBrokers().stream().map(b -> b.getVersion()).distinct().toList(),
                        CamundaClient.class.getPackage().getImplementationVersion());
            }
            return Health.up().withDetail("brokers", topology.getBrokers().size())
                    .withDetail("partitions", topology.getPartitionsCount())
                    .withDetail("gatewayVersion", String.valueOf(topology.getGatewayVersion())).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
