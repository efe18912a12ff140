package no.siva.programflyt.differentiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.Development;
import no.siva.programflyt.differentiation.scoring.ScoringEngine;
import no.siva.programflyt.differentiation.scoring.ThreeYears;
import no.siva.programflyt.shared.Formats;

/**
 * Why an operator is in its result groups (§15.3.10: the notification says why, per criterion and in total), in
 * words from its indicator scores: where it scores high (4–5) and low (1–2). One line per criterion. And how it
 * developed over the three report years (§6.6), per criterion, with the indicators that moved.
 */
final class Reasons {

    private Reasons() {}

    static String of(ScoringEngine.Result r, List<String> soundness, String notRanked) {
        List<String> lines = new ArrayList<>();
        if (notRanked != null) {
            lines.add("Ikke rangert: " + notRanked + ". Plassert på minimumstrinnet.");
        }
        for (Criterion c : Criterion.values()) {
            Integer g = r.groups().get(c);
            List<String> strong = new ArrayList<>();
            List<String> weak = new ArrayList<>();
            for (ScoringEngine.IndicatorScore s : r.indicators()) {
                if (s.indicator().criterion() != c || s.score() == null || s.indicator().supporting()) {
                    continue;
                }
                if (s.score() >= 4) {
                    strong.add(s.indicator().label().toLowerCase(Locale.ROOT));
                } else if (s.score() <= 2) {
                    weak.add(s.indicator().label().toLowerCase(Locale.ROOT));
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
                b.append(r.criterionScores().containsKey(c) ? " På nivå med programmet." : " Ingen data.");
            }
            lines.add(b.toString());
        }
        lines.add("Total vektet score: resultatgruppe " + (r.totalGroup() == null ? "–" : r.totalGroup()) + ".");
        for (String w : soundness) {
            lines.add("Økonomisk forsvarlig drift (inngår ikke i rangeringen): " + w + ".");
        }
        return cut(String.join("\n", lines));
    }

    /** One line per criterion that moved: negative or not, with the indicators that declined and improved. */
    static String development(Map<Criterion, Development.CriterionDevelopment> dev, Formats f) {
        List<String> lines = new ArrayList<>();
        for (Development.CriterionDevelopment d : dev.values()) {
            if (d.declined().isEmpty() && d.improved().isEmpty()) {
                continue;
            }
            StringBuilder b = new StringBuilder(d.criterion().label()).append(d.negative() ? ": negativ utvikling." : ": ikke negativ.");
            if (!d.declined().isEmpty()) {
                b.append(" Svakere: ").append(String.join("; ", d.declined().stream().map(m -> move(m, f)).toList())).append('.');
            }
            if (!d.improved().isEmpty()) {
                b.append(" Bedre: ").append(String.join("; ", d.improved().stream().map(m -> move(m, f)).toList())).append('.');
            }
            lines.add(b.toString());
        }
        return lines.isEmpty() ? null : cut(String.join("\n", lines));
    }

    private static String move(Development.Move m, Formats f) {
        ThreeYears.Change c = m.change();
        return m.indicator().label().toLowerCase(Locale.ROOT) + " " + c.fromYear() + ": " + f.decimal(c.from())
                + " → " + c.toYear() + ": " + f.decimal(c.to());
    }

    private static String cut(String s) {
        return s.length() > 4000 ? s.substring(0, 3999) : s;
    }
}
