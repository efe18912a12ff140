package no.siva.programflyt.registry;

/** Where an operator stands in the programme. */
public enum OperatorStatus {
    ACTIVE, IN_FOLLOW_UP, TERMINATED
}
