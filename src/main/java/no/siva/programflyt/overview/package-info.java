/**
 * The status overview for Siva's project leaders and the counties: every case of every process, its state and
 * deadlines, filtered, saved and exported, and the programme's figures.
 */
@ApplicationModule(displayName = "Status overview (statusoversikt)")
package no.siva.programflyt.overview;

import org.springframework.modulith.ApplicationModule;
