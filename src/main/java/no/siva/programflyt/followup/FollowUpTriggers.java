package no.siva.programflyt.followup;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import no.siva.programflyt.processes.EngineCommands;
import no.siva.programflyt.processes.ProcessMessage;
import no.siva.programflyt.shared.AfterCommit;
import org.springframework.stereotype.Component;

/**
 * How other processes raise a follow-up: the message {@value #MESSAGE} to the engine, correlated by the operator's
 * id, with the trigger's source as message id (a second publish of the same source is refused by the engine and
 * passed over here). Process {@code follow-up-trigger} takes it in and attaches it or opens a case.
 */
@Component
public class FollowUpTriggers {

    public static final ProcessMessage MESSAGE = ProcessMessage.start("ekstraordinar-oppfolging");

    private final EngineCommands engine;

    public FollowUpTriggers(EngineCommands engine) {
        this.engine = engine;
    }

    public void publish(long operatorId, TriggerType type, String evidence, String sourceKey, String raisedBy) {
        publish(operatorId, type, evidence, sourceKey, raisedBy, null, null);
    }

    /**
     * A trigger; one from a differentiation analysis names its round and the day the analysis was frozen (the limited
     * analysis falls due a year after it, §7.1).
     */
    public void publish(long operatorId, TriggerType type, String evidence, String sourceKey, String raisedBy,
                        Long roundId, LocalDate analysedOn) {
        engine.publishOnce(MESSAGE, Long.toString(operatorId), sourceKey, Duration.ofDays(1), Map.of("operatorId",
                operatorId, "trigger", type.name(), "evidence", evidence, "source", sourceKey, "raisedBy", raisedBy,
                "flaggedByRound", roundId == null ? 0L : roundId, "flaggedOn", analysedOn == null ? "" : analysedOn.toString()));
    }

    /** Publishes once the current transaction has committed (nothing is raised by a decision that rolled back). */
    public void publishAfterCommit(long operatorId, TriggerType type, String evidence, String sourceKey, String raisedBy) {
        AfterCommit.run(() -> publish(operatorId, type, evidence, sourceKey, raisedBy));
    }

    public void publishAfterCommit(long operatorId, TriggerType type, String evidence, String sourceKey, String raisedBy,
                                   Long roundId, LocalDate analysedOn) {
        AfterCommit.run(() -> publish(operatorId, type, evidence, sourceKey, raisedBy, roundId, analysedOn));
    }
}
