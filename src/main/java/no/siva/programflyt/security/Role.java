package no.siva.programflyt.security;

/** The programme's user roles. Candidate groups in BPMN use {@link #group()} (county and operator groups add a scope). */
public enum Role {
    SIVA_SAKSBEHANDLER("siva-saksbehandler"), SIVA_PROSJEKTLEDER("siva-prosjektleder"), FYLKE("fylke"), OPERATOR("operator"), ADMIN(
            "admin");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    /** Candidate group of the officials of one county, e.g. {@code fylke-46}. */
    public static String countyGroup(String countyCode) {
        return "fylke-" + countyCode;
    }

    /** Candidate group of the staff of one operator, e.g. {@code operator-12}. */
    public static String operatorGroup(long operatorId) {
        return "operator-" + operatorId;
    }
}
