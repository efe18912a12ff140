/**
 * The yearly differentiation calendar (guide §7): from the September meeting with the counties to the December
 * notification of each operator's grant step; the method (indicators, weights, bands) as dated data in the scoring
 * sub-package, a named interface.
 */
@ApplicationModule(displayName = "Differentiation (differensiering)")
package no.siva.programflyt.differentiation;

import org.springframework.modulith.ApplicationModule;
