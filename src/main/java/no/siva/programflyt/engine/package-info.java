/**
 * The embedded PostgreSQL of the one-command development run and the tests (decision 0003); production uses its own
 * database.
 */
@ApplicationModule(displayName = "Embedded runtime")
package no.siva.programflyt.engine;

import org.springframework.modulith.ApplicationModule;
