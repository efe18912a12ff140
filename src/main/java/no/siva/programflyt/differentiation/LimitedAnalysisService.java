package no.siva.programflyt.differentiation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.ScoringEngine;
import no.siva.programflyt.registry.GrantSteps;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.LimitedAnalysis;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The limited analysis of a flagged operator, a year after the analysis that flagged it: this year's round (in a year
 * without differentiation the limited round, which takes the year's indicator values like any round) scores every
 * operator with values against the programme level with the current method; the flagged operator's criterion scores
 * are set beside those of the flagging analysis.
 */
@Service
class LimitedAnalysisService implements LimitedAnalysis {

    private final DifferentiationService service;
    private final DifferentiationAnalysis analysis;
    private final GrantSteps steps;

    LimitedAnalysisService(DifferentiationService service, DifferentiationAnalysis analysis, GrantSteps steps) {
        this.service = service;
        this.analysis = analysis;
        this.steps = steps;
    }

    @Override
    @Transactional(readOnly = true)
    public Result of(long operatorId, Long flaggedByRoundId, int year, LocalDate today) {
        Integer current = steps.on(operatorId, today).orElse(null);
        Optional<DiffRound> round = service.byYear(year);
        if (round.isEmpty()) {
            return new Result(year, null, false, "Ingen differensieringsrunde for " + year + ": den starter 15. august, "
                    + "eller prosjektleder starter den", List.of(), null, null, null, current, null);
        }
        Formats f = new Formats();
        List<ScoringEngine.Result> all = analysis.liveScores(round.get().getId());
        ScoringEngine.Result now = all.stream().filter(s -> s.operatorId() == operatorId).findFirst().orElse(null);
        long scored = all.stream().filter(ScoringEngine.Result::complete).count();
        DifferentiationAnalysis.OperatorResult then = flaggedByRoundId == null ? null
                : analysis.resultsByOperator(flaggedByRoundId).get(operatorId);
        List<Line> lines = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            lines.add(new Line(c.label(), then == null ? "–" : dash(f.score(then.scores().get(c))),
                    now == null ? "–" : dash(f.score(now.criterionScores().get(c))), now == null ? null : now.groups().get(c)));
        }
        boolean complete = now != null && now.complete() && scored >= MIN_OPERATORS;
        String missing = now == null ? "Operatøren er ikke med i runden for " + year
                : !now.complete() ? "Årets verdier mangler for " + String.join(", ",
                        now.missing().stream().map(c -> c.label().toLowerCase(Locale.ROOT)).toList())
                        + ": importer dem på siden for runden " + year
                        : complete ? null : "Programnivået for " + year + " bygger på bare " + scored + " operatører med verdier "
                                + "(minst " + MIN_OPERATORS + "): importer verdiene for hele programmet på siden for runden " + year;
        String weightedThen = then == null ? null : f.score(then.weighted());
        String weightedNow = now == null ? null : f.score(now.weighted());
        StringBuilder summary = new StringBuilder("Begrenset analyse " + year + ": vektet score " + dash(weightedNow));
        if (then != null) {
            summary.append(" (").append(service.find(flaggedByRoundId).map(DiffRound::getYear).orElse(0)).append(": ")
                    .append(dash(weightedThen)).append(')');
        }
        summary.append(", resultatgruppe ").append(now == null || now.totalGroup() == null ? "–" : now.totalGroup()).append('.');
        for (Line l : lines) {
            summary.append(' ').append(l.criterion()).append(' ').append(l.yearScore());
            if (then != null) {
                summary.append(" (").append(l.flagged()).append(')');
            }
            summary.append('.');
        }
        return new Result(year, round.get().getId(), complete, missing, lines, weightedThen, weightedNow,
                now == null ? null : now.totalGroup(), current, summary.toString());
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "–" : s;
    }
}
