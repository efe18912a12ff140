/**
 * The Camunda Forms of forms/: read once, rendered on the server and validated against the same schema when a task
 * is completed.
 */
@ApplicationModule(displayName = "Forms (skjema)")
package no.siva.programflyt.forms;

import org.springframework.modulith.ApplicationModule;
