package no.siva.programflyt.targetcompany;

import jakarta.validation.constraints.NotBlank;
import no.siva.programflyt.shared.ValidOrgNumber;

/**
 * A target company registered by hand: its organisation number (required, nine digits with a correct check digit as
 * people type them), name, e-mail and, for Siva, its operator.
 */
record RegistrationForm(@NotBlank @ValidOrgNumber String orgNumber, @NotBlank String name, String email, Long operatorId) {}
