/**
 * The Brønnøysund registers (Enhetsregisteret and the annual accounts) over HTTP, with a local stub for the
 * development run.
 */
@ApplicationModule(displayName = "Enhetsregisteret")
package no.siva.programflyt.brreg;

import org.springframework.modulith.ApplicationModule;
