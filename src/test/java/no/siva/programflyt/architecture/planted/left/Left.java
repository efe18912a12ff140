package no.siva.programflyt.architecture.planted.left;

import no.siva.programflyt.architecture.planted.right.Right;

/** A planted violation for {@code ModulesTest}: left and right call each other (a cycle). */
public class Left {

    public int size(Right right) {
        return right.size();
    }
}
