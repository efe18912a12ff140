package no.siva.programflyt.differentiation.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * "Several areas with negative development" (guide §6.6: «hvis denne analysen viser flere områder med negativ
 * utvikling»), from development, not from rank: over the three report years each scored indicator of a criterion has
 * improved, declined or held (a change within the tolerance, in percent of the earlier value, is no change; for an
 * indicator where lower is better a fall is an improvement). A criterion develops negatively when more of its
 * indicators declined than improved. The three report years reach back to the latest year of the previous round
 * (every second year), so this is also the development since the previous round.
 */
public final class Development {

    /** One indicator's move over the report years. */
    public record Move(Indicator indicator, ThreeYears.Change change) {}

    public record CriterionDevelopment(Criterion criterion, List<Move> declined, List<Move> improved) {
        public boolean negative() {
            return declined.size() > improved.size();
        }
    }

    private Development() {}

    public static Map<Criterion, CriterionDevelopment> of(List<Indicator> indicators, Map<String, ThreeYears.Change> changes,
                                                          BigDecimal tolerancePercent) {
        Map<Criterion, CriterionDevelopment> m = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            List<Move> declined = new ArrayList<>();
            List<Move> improved = new ArrayList<>();
            for (Indicator i : indicators) {
                ThreeYears.Change ch = changes.get(i.code());
                if (i.criterion() != c || i.supporting() || i.isChange() || ch == null) {
                    continue;
                }
                BigDecimal allowed = ch.from().abs().multiply(tolerancePercent).divide(BigDecimal.valueOf(100));
                BigDecimal delta = ch.delta();
                if (delta.abs().compareTo(allowed) <= 0) {
                    continue;
                }
                boolean better = (delta.signum() > 0) == i.banding().higherIsBetter();
                (better ? improved : declined).add(new Move(i, ch));
            }
            m.put(c, new CriterionDevelopment(c, declined, improved));
        }
        return m;
    }

    public static List<Criterion> negative(Map<Criterion, CriterionDevelopment> development) {
        return development.values().stream().filter(CriterionDevelopment::negative).map(CriterionDevelopment::criterion).toList();
    }
}
