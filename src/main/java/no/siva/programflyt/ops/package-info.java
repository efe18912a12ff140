/**
 * What production needs to run and be watched: the engine's health and version check and the start-up check of
 * production settings.
 */
@ApplicationModule(displayName = "Operations (drift)")
package no.siva.programflyt.ops;

import org.springframework.modulith.ApplicationModule;
