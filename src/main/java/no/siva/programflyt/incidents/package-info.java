/**
 * Failed jobs: retried with a doubling pause (the retries are the model's), and recorded as an incident for Siva's
 * case handlers to see and retry when the last retry fails.
 */
@ApplicationModule(displayName = "Incidents (hendelser)")
package no.siva.programflyt.incidents;

import org.springframework.modulith.ApplicationModule;
