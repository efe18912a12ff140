/**
 * Small types every module uses and that depend on no module: formats for Norwegian dates and amounts, organisation
 * numbers, CSV, the programme period, the clock, and the exceptions that become a page's message.
 */
@ApplicationModule(displayName = "Shared kernel")
package no.siva.programflyt.shared;

import org.springframework.modulith.ApplicationModule;
