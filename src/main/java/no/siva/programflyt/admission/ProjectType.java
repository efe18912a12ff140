package no.siva.programflyt.admission;

/** A county's commission: a pilot project for admission, or an expansion project for an existing operator (§12.2). */
public enum ProjectType {
    FORPROSJEKT_OPPTAK, GEOGRAFISK_UTVIDELSE, BRANSJEUTVIDELSE
}
