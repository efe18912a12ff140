package no.siva.programflyt.architecture.planted.left.internal;

/** A planted violation for {@code ModulesTest}: an internal type of module left, used by module right. */
public class Hidden {

    public static int size() {
        return 1;
    }
}
