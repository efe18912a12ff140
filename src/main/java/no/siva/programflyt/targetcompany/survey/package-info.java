/** Exposed to other modules as the named interface «survey». */
@NamedInterface("survey")
package no.siva.programflyt.targetcompany.survey;

import org.springframework.modulith.NamedInterface;
