package no.siva.programflyt.followup;

/**
 * An operator is out of the programme after an extraordinary follow-up: its reporting stops. Published only by the
 * one-job termination of earlier model versions ({@link EarlierTermination}); the current model stops the
 * reporting in a task of its own ({@code reporting.stop-for-operator}).
 */
public record OperatorTerminated(long operatorId, String reason) {}
