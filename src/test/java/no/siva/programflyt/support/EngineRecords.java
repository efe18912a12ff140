package no.siva.programflyt.support;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import no.siva.programflyt.processes.ProcessMessage;

/** Reads the in-memory engine's record stream: what the engine did, not what our code says it did. */
public final class EngineRecords {

    private EngineRecords() {}

    public static long jobEvents(ZeebeTestEngine engine, long jobKey, Intent intent) {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == intent && r.getKey() == jobKey).count();
    }

    /** The retries each update of this job's retries gave it (an incident's retry), in order. */
    public static List<Integer> retriesGiven(ZeebeTestEngine engine, long jobKey) {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.RETRIES_UPDATED
                        && r.getKey() == jobKey)
                .map(r -> ((JobRecordValue) r.getValue()).getRetries()).toList();
    }

    public static long jobEventsOfType(ZeebeTestEngine engine, String jobType, Intent intent) {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == intent
                        && ((JobRecordValue) r.getValue()).getType().equals(jobType))
                .count();
    }

    /** How many messages of this name and correlation key the engine accepted. */
    public static long messagesPublished(ZeebeTestEngine engine, ProcessMessage message, String correlationKey) {
        return messagesPublished(engine, message.name(), correlationKey);
    }

    public static long messagesPublished(ZeebeTestEngine engine, String name, String correlationKey) {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(r -> r.getValueType() == ValueType.MESSAGE
                        && r.getIntent() == MessageIntent.PUBLISHED)
                .map(r -> (MessageRecordValue) r.getValue())
                .filter(m -> m.getName().equals(name) && m.getCorrelationKey().equals(correlationKey)).count();
    }

    /** Timers of this process instance that are still due to fire (created, neither triggered nor cancelled). */
    public static long pendingTimers(ZeebeTestEngine engine, long processInstanceKey) {
        return pending(engine).values().stream().filter(t -> t.getProcessInstanceKey() == processInstanceKey).count();
    }

    /** The elements of every process-instance timer still due to fire (timer start events left out). */
    public static List<String> pendingTimerElements(ZeebeTestEngine engine) {
        return pending(engine).values().stream().filter(t -> t.getProcessInstanceKey() > 0)
                .map(TimerRecordValue::getTargetElementId).distinct().toList();
    }

    /** When the pending timer start events of {@code elementId} are due. */
    public static List<Instant> startTimersDue(ZeebeTestEngine engine, String elementId) {
        return pending(engine).values().stream().filter(t -> t.getProcessInstanceKey() <= 0)
                .filter(t -> t.getTargetElementId().equals(elementId))
                .map(t -> Instant.ofEpochMilli(t.getDueDate())).toList();
    }

    /** The elements of one process instance's timers still due to fire. */
    public static List<String> pendingTimerElements(ZeebeTestEngine engine, long processInstanceKey) {
        return pending(engine).values().stream().filter(t -> t.getProcessInstanceKey() == processInstanceKey)
                .map(t -> t.getTargetElementId() + "@" + Instant.ofEpochMilli(t.getDueDate())).toList();
    }

    private static Map<Long, TimerRecordValue> pending(ZeebeTestEngine engine) {
        Map<Long, TimerRecordValue> pending = new HashMap<>();
        for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
            if (r.getValueType() == ValueType.TIMER) {
                switch ((TimerIntent) r.getIntent()) {
                    case CREATED -> pending.put(r.getKey(), (TimerRecordValue) r.getValue());
                    case TRIGGERED, CANCELED -> pending.remove(r.getKey());
                    default -> {}
                }
            }
        }
        return pending;
    }

    /** How many times the engine handed this job to a worker. */
    public static long activations(ZeebeTestEngine engine, long jobKey) {
        long n = 0;
        for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
            if (r.getValueType() == ValueType.JOB_BATCH && r.getIntent() == JobBatchIntent.ACTIVATED
                    && ((JobBatchRecordValue) r.getValue()).getJobKeys().contains(jobKey)) {
                n++;
            }
        }
        return n;
    }
}
