package no.siva.programflyt.security;

import java.util.Optional;

/**
 * The operator an organisation number names, for operator staff who sign in with the operator's number as a claim.
 * The operator register implements it (security knows users and roles, not operators).
 */
public interface OperatorIds {

    Optional<Long> byOrgNumber(String orgNumber);
}
