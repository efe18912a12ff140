package no.siva.programflyt.architecture.planted.right;

import no.siva.programflyt.architecture.planted.left.Left;
import no.siva.programflyt.architecture.planted.left.internal.Hidden;

/** A planted violation for {@code ModulesTest}: calls back into left, and into left's internal package. */
public class Right {

    public int size() {
        return Hidden.size();
    }

    public int both(Left left) {
        return left.size(this);
    }
}
