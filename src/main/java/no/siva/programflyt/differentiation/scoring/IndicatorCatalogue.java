package no.siva.programflyt.differentiation.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators of the five criteria (guide §15.2.1–15.2.5) with their data sources, and the economic-soundness
 * figures (§15.2.6) that only raise a warning. The guide gives the indicators and the 1–5 scale, not how a value
 * maps onto it: the bandings here are defaults that Siva's project leader may change per indicator
 * ({@code programflyt.differentiation.banding.<code>: 0.5,0.8,1.2,1.5}), see the README.
 *
 * <p>Values: a share in percent, a count, a KTU mean (1–5), or "måloppnåelse" (achieved / ambition level in FBP,
 * 1 = on target). "Trend" is the change over the last three report years in percent (guide §7.2).
 */
public final class IndicatorCatalogue {

    static final Banding ON_TARGET = Banding.of(true, "0.6", "0.8", "1.0", "1.2");
    static final Banding TREND = Banding.of(true, "-10", "-2", "2", "10");
    static final Banding COMPANIES = Banding.of(true, "8", "12", "18", "25");
    static final Banding QUANTUM_LEAP = Banding.of(true, "1.5", "2.5", "3.5", "4.5");

    /** The economic-soundness figures (§15.2.6): never scored, a warning when a threshold is crossed. */
    public record SoundnessFigure(String code, String label, String source) {
    }

    public static final List<SoundnessFigure> SOUNDNESS = List.of(
            new SoundnessFigure("sund.negative-ar", "Antall av de tre siste årene med negativt driftsresultat", "FBP – Brreg"),
            new SoundnessFigure("sund.egenkapital", "Total egenkapital siste år (NOK)", "FBP – Brreg"),
            new SoundnessFigure("sund.soliditet", "Soliditet siste år (egenkapitalandel, %)", "FBP – Brreg"),
            new SoundnessFigure("sund.konkursrisiko", "Konkursprediksjon fra Forvalt.no (%)", "Forvalt"));

    private IndicatorCatalogue() {
    }

    /** The default catalogue, with the bandings overridden where {@code bandings} names an indicator. */
    public static List<Indicator> indicators(Map<String, Banding> bandings) {
        List<Indicator> l = new ArrayList<>();
        Criterion a = Criterion.ACTIVITY;
        add(l, bandings, "akt.bedrifter", a, "Antall aktive bedrifter i løpet av året", "FBP – basis", false, false, COMPANIES);
        add(l, bandings, "akt.bedrifter-mal", a, "Aktive bedrifter mot ambisjonsnivået", "FBP – måltall", false, false, ON_TARGET);
        add(l, bandings, "akt.bedrifter-trend", a, "Endring i antall aktive bedrifter siste tre rapportår (%)", "FBP – basis", false, false, TREND);
        add(l, bandings, "akt.nye-inntak", a, "Andel nye opptak i rapportåret (%)", "FBP – basis", true, false, Banding.RELATIVE);
        add(l, bandings, "akt.art28", a, "Andel bedrifter som mottar innovasjonsstøtte (artikkel 28) (%)", "FBP – basis", true, false, Banding.RELATIVE);
        add(l, bandings, "akt.art28-ubrukt", a, "Ubrukt artikkel 28 (andel av rammen, %)", "FBP – basis", true, false,
                Banding.of(false, "0.5", "0.8", "1.2", "1.5"));
        add(l, bandings, "akt.virkemidler", a, "Andel bedrifter bistått til andre virkemidler (%)", "FBP – basis", true, false, Banding.RELATIVE);
        add(l, bandings, "akt.virkemidler-ktu", a, "Bedriftenes vurdering: betydning for støtte fra andre virkemidler", "KTU", false, false, Banding.KTU);
        add(l, bandings, "akt.ql-rekruttering", a, "Hvordan operatøren rekrutterer nye bedrifter", "Quantum Leap", false, true, QUANTUM_LEAP);
        Criterion k = Criterion.SATISFACTION;
        add(l, bandings, "ktu.leveranser", k, "Tilfredshet med sentrale leveranser", "KTU", false, false, Banding.KTU);
        add(l, bandings, "ktu.tilfredshet", k, "Overordnet kundetilfredshet", "KTU", false, false, Banding.KTU);
        add(l, bandings, "ktu.addisjonalitet", k, "Overordnet addisjonalitet (anbefaler andre)", "KTU", false, false, Banding.KTU);
        add(l, bandings, "ktu.effekt-mal", k, "Effekt på sentrale mål i programmet", "KTU", false, false, Banding.KTU);
        add(l, bandings, "ktu.effekt-okonomi", k, "Økonomisk effekt av å delta", "KTU", false, false, Banding.KTU);
        Criterion b = Criterion.SUSTAINABILITY;
        add(l, bandings, "bk.srl", b, "Andel bedrifter med økning i SRL-skalaen (%)", "FBP – basis", true, false, Banding.RELATIVE);
        add(l, bandings, "bk.srl-mal", b, "Økning i SRL-skalaen mot ambisjonsnivået", "FBP – måltall", false, false, ON_TARGET);
        add(l, bandings, "bk.srl-ktu", b, "Bedriftenes vurdering: betydning for å bli mer bærekraftig", "KTU", false, false, Banding.KTU);
        add(l, bandings, "bk.miljomal", b, "Andel bedrifter som svarer opp minst ett av EUs miljømål (%)", "FBP – basis", true, false, Banding.RELATIVE);
        add(l, bandings, "bk.miljo-ktu", b, "Bedriftenes vurdering: betydning for å bli mer klima- og miljøvennlig", "KTU", false, false, Banding.KTU);
        add(l, bandings, "bk.ql", b, "Hvordan operatøren jobber med bærekraft", "Quantum Leap", false, true, QUANTUM_LEAP);
        Criterion e = Criterion.EXPORT;
        add(l, bandings, "eks.eksport", e, "Andel bedrifter med eksport eller eksportpotensial (%)", "FBP – basis", true, false, Banding.RELATIVE);
        add(l, bandings, "eks.eksport-ktu", e, "Bedriftenes vurdering: bistand til salg til kunder i utlandet", "KTU", false, false, Banding.KTU);
        add(l, bandings, "eks.internasjonalt", e, "Andel bedrifter med internasjonalt marked eller potensial (%)", "FBP – basis", true, false, Banding.RELATIVE);
        add(l, bandings, "eks.koblet", e, "Andel bedrifter koblet mot internasjonale aktører (%)", "FBP – basis", true, false, Banding.RELATIVE);
        add(l, bandings, "eks.ql", e, "Hvordan operatøren har jobbet med eksport(potensial)", "Quantum Leap", false, true, QUANTUM_LEAP);
        Criterion v = Criterion.GROWTH;
        add(l, bandings, "vekst.omsetning", v, "Andel bedrifter med årlig vekst i omsetning (%)", "FBP – Brreg", true, false, Banding.RELATIVE);
        add(l, bandings, "vekst.omsetning-ktu", v, "Bedriftenes vurdering: betydning for økt omsetning", "KTU", false, false, Banding.KTU);
        add(l, bandings, "vekst.verdiskaping", v, "Andel bedrifter med vekst i verdiskaping (%)", "FBP – Brreg", true, false, Banding.RELATIVE);
        add(l, bandings, "vekst.verdiskaping-ktu", v, "Bedriftenes vurdering: betydning for økt lønnsomhet", "KTU", false, false, Banding.KTU);
        return List.copyOf(l);
    }

    public static List<Indicator> defaults() {
        return indicators(Map.of());
    }

    /** Every code a value may be given for: the indicators and the soundness figures. */
    public static Optional<String> labelOf(List<Indicator> indicators, String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).map(Indicator::label).findFirst()
                .or(() -> SOUNDNESS.stream().filter(s -> s.code().equals(code)).map(SoundnessFigure::label).findFirst());
    }

    private static void add(List<Indicator> l, Map<String, Banding> bandings, String code, Criterion c, String label,
                            String source, boolean relative, boolean supporting, Banding banding) {
        l.add(new Indicator(code, c, label, source, relative, supporting, bandings.getOrDefault(code, banding)));
    }

    /**
     * The soundness warning (§15.2.6): at least {@code negativeYears} of the last three years with a negative
     * operating result, negative equity, or a bankruptcy prediction at or above {@code riskPercent}.
     */
    public static boolean soundnessWarning(Map<String, BigDecimal> values, int negativeYears, BigDecimal riskPercent) {
        BigDecimal years = values.get("sund.negative-ar");
        BigDecimal equity = values.get("sund.egenkapital");
        BigDecimal risk = values.get("sund.konkursrisiko");
        return (years != null && years.intValue() >= negativeYears) || (equity != null && equity.signum() < 0)
                || (risk != null && risk.compareTo(riskPercent) >= 0);
    }
}
