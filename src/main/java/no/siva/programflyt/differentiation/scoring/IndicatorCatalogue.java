package no.siva.programflyt.differentiation.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators of the five criteria exactly as the guide's tables §15.2.1–15.2.5 list them, each with its data
 * source, and the economic-soundness figures of §15.2.6, which are never scored. The guide gives the indicators and
 * the 1–5 scale, not how a value maps onto it: the bandings here are the defaults of the method the project leader
 * owns (README, "Differensieringsmetoden").
 *
 * <p>Every row «Ambisjonsnivå for …» (FBP – måltall) is scored as target attainment: what the operator achieved in the
 * report year divided by the ambition level in its target figures for that year (1 = on target). All indicators but
 * the number of companies are set against the programme level (§15.2: «sammenlignes med programnivået, med unntak av
 * antall bedrifter»); the development in the number of companies is the change over the three report years (§15.2:
 * «samt for å se endring de tre siste rapportårene»).
 */
public final class IndicatorCatalogue {

    static final Banding COMPANIES = Banding.of(true, "8", "12", "18", "25");
    static final Banding QUANTUM_LEAP = Banding.of(true, "1.5", "2.5", "3.5", "4.5");
    static final Banding LOWER_IS_BETTER = Banding.of(false, "0.5", "0.8", "1.2", "1.5");

    /** The economic-soundness figures (§15.2.6): three report years each, the bankruptcy prediction only the latest. */
    public record SoundnessFigure(String code, String label, String source, Unit unit) {}

    public static final List<SoundnessFigure> SOUNDNESS = List.of(
            new SoundnessFigure("sund.driftsresultat", "Driftsresultat (kr)", "FBP – Brreg", Unit.NOK),
            new SoundnessFigure("sund.driftsinntekter", "Driftsinntekter (kr)", "FBP – Brreg", Unit.NOK),
            new SoundnessFigure("sund.ansatte", "Antall ansatte", "FBP – Brreg", Unit.COUNT),
            new SoundnessFigure("sund.soliditet", "Soliditet (egenkapitalandel, %)", "FBP – Brreg", Unit.SIGNED_PERCENT),
            new SoundnessFigure("sund.egenkapital", "Total egenkapital (kr)", "FBP – Brreg", Unit.NOK),
            new SoundnessFigure("sund.konkursrisiko", "Nyeste konkursprediksjon fra Forvalt.no (%)", "Forvalt", Unit.PERCENT));

    private IndicatorCatalogue() {}

    /** The default catalogue, with the bandings overridden where {@code bandings} names an indicator. */
    public static List<Indicator> indicators(Map<String, Banding> bandings) {
        List<Indicator> l = new ArrayList<>();
        // @formatter:off: one indicator a line, as the guide's table lists them
        Criterion a = Criterion.ACTIVITY;
        add(l, "akt.bedrifter", a, "Antall aktive bedrifter i løpet av året", "FBP – basis", Comparison.ABSOLUTE, COMPANIES, Unit.COUNT, true, null);
        add(l, "akt.bedrifter-mal", a, "Ambisjonsnivå for antall aktive bedrifter (måloppnåelse)", "FBP – måltall", Comparison.RATIO, Banding.RELATIVE, Unit.ATTAINMENT, true, null);
        add(l, "akt.bedrifter-endring", a, "Endring i antall aktive bedrifter de tre siste rapportårene (%)", "FBP – basis", Comparison.DIFFERENCE, Banding.CHANGE, Unit.CHANGE, false, "akt.bedrifter");
        add(l, "akt.nye-inntak", a, "Andel nye opptak i rapportåret (%)", "FBP – basis", Comparison.RATIO, Banding.RELATIVE, Unit.PERCENT, true, null);
        add(l, "akt.nye-inntak-mal", a, "Ambisjonsnivå for antall nye opptak (måloppnåelse)", "FBP – måltall", Comparison.RATIO, Banding.RELATIVE, Unit.ATTAINMENT, true, null);
        add(l, "akt.ql-rekruttering", a, "Hvordan operatøren jobber med rekruttering av nye bedrifter", "Quantum Leap", null, QUANTUM_LEAP, Unit.SCALE, false, null);
        add(l, "akt.art28", a, "Andel bedrifter som mottar innovasjonsstøtte (artikkel 28) (%)", "FBP – basis", Comparison.RATIO, Banding.RELATIVE, Unit.PERCENT, true, null);
        add(l, "akt.art28-mal", a, "Ambisjonsnivå for andel bedrifter som skal motta innovasjonsstøtte (måloppnåelse)", "FBP – måltall", Comparison.RATIO, Banding.RELATIVE, Unit.ATTAINMENT, true, null);
        add(l, "akt.art28-ubrukt", a, "Ubrukt artikkel 28 (andel av rammen, %)", "FBP – basis", Comparison.RATIO, LOWER_IS_BETTER, Unit.PERCENT, false, null);
        add(l, "akt.virkemidler", a, "Andel bedrifter operatøren har bistått i prosesser med å få tilgang til andre virkemidler (%)", "FBP – basis", Comparison.RATIO, Banding.RELATIVE, Unit.PERCENT, false, null);
        add(l, "akt.virkemidler-mal", a, "Ambisjonsnivå for andel bedrifter operatøren skal bistå med å få tilgang til andre virkemidler (måloppnåelse)", "FBP – måltall", Comparison.RATIO, Banding.RELATIVE, Unit.ATTAINMENT, true, null);
        add(l, "akt.virkemidler-ktu", a, "Bedriftenes vurdering av hvor viktig operatøren har vært for støtte/bistand fra andre virkemidler", "KTU", Comparison.DIFFERENCE, Banding.KTU, Unit.SCALE, false, null);
        add(l, "akt.ql-virkemidler", a, "Hvordan operatøren bistår bedriftene å få tilgang til andre virkemidler", "Quantum Leap", null, QUANTUM_LEAP, Unit.SCALE, false, null);
        Criterion k = Criterion.SATISFACTION;
        add(l, "ktu.leveranser", k, "Tilfredshet med sentrale leveranser", "KTU", Comparison.DIFFERENCE, Banding.KTU, Unit.SCALE, false, null);
        add(l, "ktu.tilfredshet", k, "Overordnet kundetilfredshet", "KTU", Comparison.DIFFERENCE, Banding.KTU, Unit.SCALE, false, null);
        add(l, "ktu.addisjonalitet", k, "Overordnet addisjonalitet (anbefaler andre)", "KTU", Comparison.DIFFERENCE, Banding.KTU, Unit.SCALE, false, null);
        add(l, "ktu.effekt-mal", k, "Effekt av å delta i programmene – sentrale mål", "KTU", Comparison.DIFFERENCE, Banding.KTU, Unit.SCALE, false, null);
        add(l, "ktu.effekt-okonomi", k, "Økonomisk effekt av å delta i programmene", "KTU", Comparison.DIFFERENCE, Banding.KTU, Unit.SCALE, false, null);
        Criterion b = Criterion.SUSTAINABILITY;
        add(l, "bk.srl", b, "Andel bedrifter med økning i SRL-skalaen (%)", "FBP – basis", Comparison.RATIO, Banding.RELATIVE, Unit.PERCENT, true, null);
        add(l, "bk.srl-mal", b, "Ambisjonsnivå for andel bedrifter med økning i SRL-skalaen (måloppnåelse)", "FBP – måltall", Comparison.RATIO, Banding.RELATIVE, Unit.ATTAINMENT, true, null);
        add(l, "bk.srl-ktu", b, "Bedriftenes vurdering av hvor viktig operatøren har vært for at de har blitt mer bærekraftige", "KTU", Comparison.DIFFERENCE, Banding.KTU, Unit.SCALE, false, null);
        add(l, "bk.ql", b, "Hvordan operatøren jobber med bærekraft", "Quantum Leap", null, QUANTUM_LEAP, Unit.SCALE, false, null);
        add(l, "bk.miljomal", b, "Andel bedrifter som svarer opp minst ett av EUs miljømål (%)", "FBP – basis", Comparison.RATIO, Banding.RELATIVE, Unit.PERCENT, true, null);
        add(l, "bk.miljomal-mal", b, "Ambisjonsnivå for andel bedrifter som svarer opp minst ett av EUs miljømål (måloppnåelse)", "FBP – måltall", Comparison.RATIO, Banding.RELATIVE, Unit.ATTAINMENT, true, null);
        add(l, "bk.miljo-ktu", b, "Bedriftenes vurdering av hvor viktig operatøren har vært for at de har blitt mer klima- og miljøvennlige", "KTU", Comparison.DIFFERENCE, Banding.KTU, Unit.SCALE, false, null);
        Criterion e = Criterion.EXPORT;
        add(l, "eks.eksport", e, "Andel bedrifter med eksport, eksportpotensial eller som er underleverandør til eksportbedrifter (%)", "FBP – basis", Comparison.RATIO, Banding.RELATIVE, Unit.PERCENT, false, null);
        add(l, "eks.eksport-mal", e, "Ambisjonsnivå for andel bedrifter der hele/deler av omsetningen består av eksport (måloppnåelse)", "FBP – måltall", Comparison.RATIO, Banding.RELATIVE, Unit.ATTAINMENT, true, null);
        add(l, "eks.eksport-ktu", e, "Bedriftenes vurdering av om de har fått bistand til salg til kunder i utlandet", "KTU", Comparison.DIFFERENCE, Banding.KTU, Unit.SCALE, false, null);
        add(l, "eks.ql", e, "Hvordan operatøren har jobbet med bedriftenes eksport(potensial)", "Quantum Leap", null, QUANTUM_LEAP, Unit.SCALE, false, null);
        add(l, "eks.internasjonalt", e, "Andel bedrifter med internasjonalt marked eller markedspotensial (%)", "FBP – basis", Comparison.RATIO, Banding.RELATIVE, Unit.PERCENT, false, null);
        add(l, "eks.internasjonalt-mal", e, "Ambisjonsnivå for andel bedrifter med internasjonalt marked (måloppnåelse)", "FBP – måltall", Comparison.RATIO, Banding.RELATIVE, Unit.ATTAINMENT, true, null);
        add(l, "eks.koblet", e, "Andel bedrifter operatøren har koblet mot internasjonale aktører (%)", "FBP – basis", Comparison.RATIO, Banding.RELATIVE, Unit.PERCENT, false, null);
        add(l, "eks.koblet-mal", e, "Ambisjonsnivå for andel bedrifter koblet mot internasjonale aktører (måloppnåelse)", "FBP – måltall", Comparison.RATIO, Banding.RELATIVE, Unit.ATTAINMENT, true, null);
        Criterion v = Criterion.GROWTH;
        add(l, "vekst.omsetning", v, "Andel bedrifter med årlig vekst i omsetning (%)", "FBP – Brreg", Comparison.RATIO, Banding.RELATIVE, Unit.PERCENT, false, null);
        add(l, "vekst.omsetning-ktu", v, "Bedriftenes vurdering av hvor viktig operatøren har vært for økt omsetning", "KTU", Comparison.DIFFERENCE, Banding.KTU, Unit.SCALE, false, null);
        add(l, "vekst.verdiskaping", v, "Andel bedrifter med vekst i verdiskaping (driftsresultat + lønnskostnader) (%)", "FBP – Brreg", Comparison.RATIO, Banding.RELATIVE, Unit.PERCENT, false, null);
        add(l, "vekst.verdiskaping-ktu", v, "Bedriftenes vurdering av hvor viktig operatøren har vært for økt lønnsomhet", "KTU", Comparison.DIFFERENCE, Banding.KTU, Unit.SCALE, false, null);
        // @formatter:on
        return List.copyOf(l.stream().map(i -> bandings.containsKey(i.code()) ? i.withBanding(bandings.get(i.code())) : i).toList());
    }

    public static List<Indicator> defaults() {
        return indicators(Map.of());
    }

    /** The label of an indicator or a soundness figure. */
    public static Optional<String> labelOf(List<Indicator> indicators, String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).map(Indicator::label).findFirst()
                .or(() -> SOUNDNESS.stream().filter(s -> s.code().equals(code)).map(SoundnessFigure::label).findFirst());
    }

    /** The unit of an indicator or a soundness figure. */
    public static Optional<Unit> unitOf(List<Indicator> indicators, String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).map(Indicator::unit).findFirst()
                .or(() -> SOUNDNESS.stream().filter(s -> s.code().equals(code)).map(SoundnessFigure::unit).findFirst());
    }

    /** Quantum Leap rows support the analysis only: shown with their own 1–5 score, never counted. */
    private static void add(List<Indicator> l, String code, Criterion c, String label, String source, Comparison comparison,
                            Banding banding, Unit unit, boolean derived, String changeOf) {
        boolean supporting = comparison == null;
        l.add(new Indicator(code, c, label, source, supporting ? Comparison.ABSOLUTE : comparison, supporting, banding,
                unit, derived, changeOf));
    }
}
