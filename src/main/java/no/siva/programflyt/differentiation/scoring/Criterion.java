package no.siva.programflyt.differentiation.scoring;

/** The five differentiation criteria (guide §7.2, §15.2.1–15.2.5), in the guide's order. */
public enum Criterion {
    ACTIVITY("Aktivitet", "Aktivitet"), SATISFACTION("Kundetilfredshet og addisjonalitet", "KTU"), SUSTAINABILITY("Bærekraft",
            "Bærekraft"), EXPORT("Eksport og internasjonalisering", "Eksport"), GROWTH("Økonomisk vekst", "Vekst");

    private final String label;
    private final String shortLabel;

    Criterion(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** A column header: "KTU" for customer satisfaction and additionality (the full label is its title). */
    public String shortLabel() {
        return shortLabel;
    }

    public String label() {
        return label;
    }
}
