/**
 * Demo users and cases for the development run (profile dev): never active in production.
 */
@ApplicationModule(displayName = "Demo data")
package no.siva.programflyt.demo;

import org.springframework.modulith.ApplicationModule;
