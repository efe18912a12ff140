package no.siva.programflyt.followup;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How other processes raise a follow-up: the message {@value #MESSAGE} to the engine, correlated by the operator's
 * id, with the trigger's source as message id (a second publish of the same source is refused by the engine and
 * passed over here). Process {@code follow-up-trigger} takes it in and attaches it or opens a case.
 */
@Component
public class FollowUpTriggers {

    public static final String MESSAGE = "ekstraordinar-oppfolging";

    private final CamundaClient client;

    public FollowUpTriggers(CamundaClient client) {
        this.client = client;
    }

    public void publish(long operatorId, TriggerType type, String evidence, String sourceKey, String raisedBy) {
        try {
            client.newPublishMessageCommand().messageName(MESSAGE).correlationKey(Long.toString(operatorId))
                    .messageId(sourceKey).timeToLive(Duration.ofDays(1))
                    .variables(Map.of("operatorId", operatorId, "trigger", type.name(), "evidence", evidence,
                            "source", sourceKey, "raisedBy", raisedBy))
                    .send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
    }

    /** Publishes once the current transaction has committed (nothing is raised by a decision that rolled back). */
    public void publishAfterCommit(long operatorId, TriggerType type, String evidence, String sourceKey, String raisedBy) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publish(operatorId, type, evidence, sourceKey, raisedBy);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publish(operatorId, type, evidence, sourceKey, raisedBy);
            }
        });
    }
}
