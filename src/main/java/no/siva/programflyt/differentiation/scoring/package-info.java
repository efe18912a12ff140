/** Exposed to other modules as the named interface «scoring». */
@NamedInterface("scoring")
package no.siva.programflyt.differentiation.scoring;

import org.springframework.modulith.NamedInterface;
