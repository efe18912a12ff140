package no.siva.programflyt.processes;

import java.util.Objects;

/**
 * A message the application publishes to the engine, as a model receives it: its name and, for a message an instance
 * waits for, the correlation key expression of the model's subscription. Every message the code publishes is a
 * constant of this type, and {@code ProcessModelsTest} holds each against the models.
 *
 * @param name the message name in the model
 * @param correlationKey the subscription's correlation key expression ({@code =string(caseId)}), or null for a message
 *     that starts an instance (its key then only keeps one instance per key running)
 */
public record ProcessMessage(String name, String correlationKey) {

    public ProcessMessage {
        Objects.requireNonNull(name, "name");
    }

    /** A message start event's message. */
    public static ProcessMessage start(String name) {
        return new ProcessMessage(name, null);
    }

    /** A message a waiting instance catches, correlated by the model's expression. */
    public static ProcessMessage caught(String name, String correlationKey) {
        return new ProcessMessage(name, Objects.requireNonNull(correlationKey, "correlationKey"));
    }

    public boolean startsAnInstance() {
        return correlationKey == null;
    }

    /** The message id under which it is published once for a key ({@code name-key}). */
    public String idFor(String key) {
        return name + "-" + key;
    }

    @Override
    public String toString() {
        return name;
    }
}
