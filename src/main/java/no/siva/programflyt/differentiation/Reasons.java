package no.siva.programflyt.differentiation;

import java.util.ArrayList;
import java.util.List;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.ScoringEngine;

/**
 * Why an operator is in its result groups (§15.3.10: the notification says why, per criterion and in total), in
 * words from its indicator scores: where it scores high (4–5) and low (1–2). One line per criterion.
 */
final class Reasons {

    private Reasons() {
    }

    static String of(ScoringEngine.Result r, boolean soundnessWarning) {
        List<String> lines = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            Integer g = r.groups().get(c);
            List<String> strong = new ArrayList<>();
            List<String> weak = new ArrayList<>();
            for (ScoringEngine.IndicatorScore s : r.indicators()) {
                if (s.indicator().criterion() != c || s.score() == null || s.indicator().supporting()) {
                    continue;
                }
                if (s.score() >= 4) {
                    strong.add(s.indicator().label().toLowerCase(java.util.Locale.ROOT));
                } else if (s.score() <= 2) {
                    weak.add(s.indicator().label().toLowerCase(java.util.Locale.ROOT));
                }
            }
            StringBuilder b = new StringBuilder(c.label()).append(": resultatgruppe ").append(g == null ? "–" : g).append('.');
            if (!strong.isEmpty()) {
                b.append(" Sterkest på ").append(String.join(", ", strong)).append('.');
            }
            if (!weak.isEmpty()) {
                b.append(" Svakest på ").append(String.join(", ", weak)).append('.');
            }
            if (strong.isEmpty() && weak.isEmpty()) {
                b.append(" På nivå med programmet.");
            }
            lines.add(b.toString());
        }
        lines.add("Total vektet score: resultatgruppe " + (r.totalGroup() == null ? "–" : r.totalGroup()) + ".");
        if (soundnessWarning) {
            lines.add("Økonomisk forsvarlig drift: regnskapstallene gir grunn til oppfølging (inngår ikke i rangeringen).");
        }
        String s = String.join("\n", lines);
        return s.length() > 4000 ? s.substring(0, 3999) : s;
    }
}
