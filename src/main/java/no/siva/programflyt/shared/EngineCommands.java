package no.siva.programflyt.shared;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The engine commands that callers repeat on purpose (a redelivered job, a second click), where the engine's "already
 * done" answer means done: a message published again under the same id, an instance cancelled again.
 */
@Component
public class EngineCommands {

    private final CamundaClient client;

    public EngineCommands(CamundaClient client) {
        this.client = client;
    }

    /** Publishes a message once: the engine refuses a second message with the same id while the first is buffered. */
    public void publishOnce(String name, String correlationKey, String messageId, Duration timeToLive,
                            Map<String, Object> variables) {
        try {
            client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey).messageId(messageId)
                    .timeToLive(timeToLive).variables(variables).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
    }

    /** Cancels a process instance unless it has already ended (or was cancelled before). */
    public void cancelIfPresent(long processInstanceKey) {
        try {
            client.newCancelInstanceCommand(processInstanceKey).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Status.Code.NOT_FOUND) {
                throw e;
            }
        }
    }
}
