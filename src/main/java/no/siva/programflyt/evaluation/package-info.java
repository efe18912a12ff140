/**
 * The programme's own evaluation (guide §4.5): «… vil det gjennomføres en midtveisevaluering av
 * næringshageprogrammet i 2027», a task for Siva's project leaders in that year.
 */
@ApplicationModule(displayName = "Programme evaluation (midtveisevaluering)")
package no.siva.programflyt.evaluation;

import org.springframework.modulith.ApplicationModule;
