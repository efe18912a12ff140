/**
 * The programme's operators, their cooperation agreements, counties and grant steps, the hourly rate by date, and
 * the onboarding of a new operator.
 */
@ApplicationModule(displayName = "Operator register (operatørregister)")
package no.siva.programflyt.registry;

import org.springframework.modulith.ApplicationModule;
