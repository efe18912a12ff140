package no.siva.programflyt.differentiation.scoring;

/** The five differentiation criteria (guide §7.2, §15.2.1–15.2.5), in the guide's order. */
public enum Criterion {
    ACTIVITY("Aktivitet"),
    SATISFACTION("Kundetilfredshet og addisjonalitet"),
    SUSTAINABILITY("Bærekraft"),
    EXPORT("Eksport og internasjonalisering"),
    GROWTH("Økonomisk vekst");

    private final String label;

    Criterion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
