/**
 * Admission of a new operator through a pilot project (guide §6.2): the county's commission, the register check,
 * Siva's assessment and proposal, the county's decision, the grant letter and the start of the operator's reporting
 * calendar. Owns the admission case, its process (operator-admission), workers, task handler and pages.
 */
@ApplicationModule(displayName = "Admission (opptak via forprosjekt)")
package no.siva.programflyt.admission;

import org.springframework.modulith.ApplicationModule;
