package no.siva.programflyt.processes;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
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
    public void publishOnce(ProcessMessage message, String correlationKey, String messageId, Duration timeToLive,
                            Map<String, Object> variables) {
        try {
            client.newPublishMessageCommand().messageName(message.name()).correlationKey(correlationKey).messageId(messageId)
                    .timeToLive(timeToLive).variables(variables).send().join();
        } catch (RuntimeException e) {
            if (!answered(e, Status.Code.ALREADY_EXISTS, 409)) {
                throw e;
            }
        }
    }

    /** Cancels a process instance unless it has already ended (or was cancelled before). */
    public void cancelIfPresent(long processInstanceKey) {
        try {
            client.newCancelInstanceCommand(processInstanceKey).send().join();
        } catch (RuntimeException e) {
            if (!isNotFound(e)) {
                throw e;
            }
        }
    }

    /** The engine says it has no such job, instance or element: over gRPC NOT_FOUND, over REST 404 (production). */
    public static boolean isNotFound(Throwable e) {
        return answered(e, Status.Code.NOT_FOUND, 404);
    }

    private static boolean answered(Throwable e, Status.Code grpc, int http) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientStatusException s && s.getStatusCode() == grpc) {
                return true;
            }
            if (t instanceof ClientHttpException h && h.code() == http) {
                return true;
            }
        }
        return false;
    }
}
