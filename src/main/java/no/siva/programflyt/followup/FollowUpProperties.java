package no.siva.programflyt.followup;

import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the guide leaves open about extraordinary follow-up (README, "Gaps"): when the case handler is reminded, when
 * the project leader hears of a case without conclusion, when the limited analysis falls due, and the scoreboard's
 * areas (code to Norwegian label; the guide names only "central areas of the programme guidelines").
 *
 * @param reminderAfter  the case handler is reminded this long after the start (guide: the process lasts 3–6 months)
 * @param escalateAfter  the project leaders are told when there is no conclusion this long after the start
 * @param analysisAfter  the limited differentiation analysis falls due this long after a "continue" conclusion (§7.1)
 * @param areas          the scoreboard's areas, in order
 */
@ConfigurationProperties("programflyt.follow-up")
record FollowUpProperties(Period reminderAfter, Period escalateAfter, Period analysisAfter,
                          Map<String, String> areas) {

    public static final Map<String, String> DEFAULT_AREAS;

    static {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("aktivitet", "Aktivitet: antall målbedrifter og tjenester");
        a.put("kundetilfredshet", "Kundetilfredshet og addisjonalitet");
        a.put("baerekraft", "Bærekraft");
        a.put("internasjonalisering", "Eksport og internasjonalisering");
        a.put("okonomisk-vekst", "Økonomisk vekst i målbedriftene");
        a.put("rapportering", "Rapportering og måltall til fristene");
        a.put("drift", "Økonomisk forsvarlig drift");
        a.put("forankring", "Lokal forankring, nettverk og samarbeid");
        DEFAULT_AREAS = Collections.unmodifiableMap(a);
    }

    public FollowUpProperties {
        reminderAfter = reminderAfter == null ? Period.ofMonths(3) : reminderAfter;
        escalateAfter = escalateAfter == null ? Period.ofMonths(6) : escalateAfter;
        analysisAfter = analysisAfter == null ? Period.ofYears(1) : analysisAfter;
        areas = areas == null || areas.isEmpty() ? DEFAULT_AREAS : new LinkedHashMap<>(areas);
    }
}
