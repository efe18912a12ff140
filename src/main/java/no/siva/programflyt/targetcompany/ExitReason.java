package no.siva.programflyt.targetcompany;

/** Why a target company left the programme (guide §6.3 / PROGRAMME §5.3). */
public enum ExitReason {
    PLANNED_END, EARLY_TERMINATION, NO_LONGER_SME, TAKEOVER, BANKRUPTCY, OPERATOR_TERMINATED
}
