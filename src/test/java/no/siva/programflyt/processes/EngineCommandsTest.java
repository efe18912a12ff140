package no.siva.programflyt.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** "Not found" as the engine says it over gRPC (tests, the one-command run) and over REST (production's client). */
class EngineCommandsTest {

    @Test
    void notFoundOverGrpcAndOverRest_wrappedOrNot() {
        assertThat(EngineCommands.isNotFound(new ClientStatusException(Status.NOT_FOUND, null))).isTrue();
        assertThat(EngineCommands.isNotFound(new ProblemException(404, "Not Found", null))).isTrue();
        assertThat(EngineCommands.isNotFound(new CompletionException(new ProblemException(404, "Not Found", null))))
                .isTrue();

        assertThat(EngineCommands.isNotFound(new ClientStatusException(Status.UNAVAILABLE, null))).isFalse();
        assertThat(EngineCommands.isNotFound(new ProblemException(503, "Service Unavailable", null))).isFalse();
        assertThat(EngineCommands.isNotFound(new IllegalStateException("timeout"))).isFalse();
    }
}
