package no.siva.programflyt.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.differentiation.DiffRound;
import no.siva.programflyt.differentiation.DiffRoundRepository;
import no.siva.programflyt.differentiation.DifferentiationAnalysis;
import no.siva.programflyt.differentiation.DifferentiationService;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.differentiation.scoring.Unit;
import no.siva.programflyt.security.CurrentUser;

/**
 * Indicator values for a year's round, for tests that need scores (the limited analysis concludes only on them): the
 * year's round (a limited one in a year without differentiation, created if missing), and for each operator a level
 * 1–5 on every scored indicator of the latest report year.
 */
public final class IndicatorData {

    private IndicatorData() {}

    public static long roundWithValues(DifferentiationService service, DifferentiationAnalysis analysis, DiffRoundRepository rounds,
                                       CurrentUser siva,
                                       Instant now, int year, Map<Long, Integer> levels) {
        DiffRound r = rounds.findByYear(year).orElseGet(() -> rounds.save(new DiffRound(year, year % 2 == 0,
                DemoUsers.PROJECT_LEADER, now)));
        levels.forEach((operatorId, level) -> {
            Map<String, BigDecimal> values = new HashMap<>();
            for (Indicator i : service.indicators()) {
                if (!i.importable() || i.supporting()) {
                    continue;
                }
                values.put(i.code(), i.unit() == Unit.SCALE ? BigDecimal.valueOf(level)
                        : i.unit() == Unit.ATTAINMENT
                                ? BigDecimal.valueOf(level).divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP)
                                : BigDecimal.valueOf(level * 10L));
            }
            analysis.setValues(siva, r.getId(), operatorId, year - 1, values, "IMPORT");
        });
        return r.getId();
    }
}
