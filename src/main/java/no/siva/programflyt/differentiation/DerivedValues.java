package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.reporting.TargetFigures;
import no.siva.programflyt.targetcompany.ActiveCompanies;
import no.siva.programflyt.targetcompany.DevelopmentDialogues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator values Programflyt holds itself (guide §15.2, «FBP – basis» and «FBP – måltall»), for an operator and a
 * report year: the active target companies (agreement in force some day of the year), the share of new admissions, the
 * share receiving innovation aid (an aid line dated in the year), from the development dialogues the share with an
 * increase in SRL and the share with a positive effect on at least one EU environmental objective, and every
 * «Ambisjonsnivå» row as attainment of the operator's approved target figures. Where Programflyt has no target company
 * of the operator in a year it returns nothing for that year, and the imported value stands.
 */
@Service
class DerivedValues {

    /** Each «Ambisjonsnivå» indicator: the achieved value it divides and the target figure it divides by. */
    record Ambition(String code, String achieved, String targetFigure) {}

    static final List<Ambition> AMBITIONS = List.of(
            new Ambition("akt.bedrifter-mal", "akt.bedrifter", "malbedrifterIAret"),
            new Ambition("akt.nye-inntak-mal", "#nye-inntak", "nyeMalbedrifter"),
            new Ambition("akt.art28-mal", "akt.art28", "andelInnovasjonsstotte"),
            new Ambition("akt.virkemidler-mal", "akt.virkemidler", "andelVirkemidler"),
            new Ambition("bk.srl-mal", "bk.srl", "andelSrlOkning"),
            new Ambition("bk.miljomal-mal", "bk.miljomal", "andelTaksonomi"),
            new Ambition("eks.eksport-mal", "eks.eksport", "andelEksport"),
            new Ambition("eks.internasjonalt-mal", "eks.internasjonalt", "andelInternasjonalt"),
            new Ambition("eks.koblet-mal", "eks.koblet", "andelInternasjonaleAktorer"));

    private final ActiveCompanies active;
    private final DevelopmentDialogues dialogues;
    private final TargetFigures targetFigures;

    DerivedValues(ActiveCompanies active, DevelopmentDialogues dialogues, TargetFigures targetFigures) {
        this.active = active;
        this.dialogues = dialogues;
        this.targetFigures = targetFigures;
    }

    /**
     * The values for every operator in a report year (three queries, whatever the number of operators); {@code stored}
     * are the year's imported values by operator, used for an attainment whose achieved value only the import has
     * (e.g. the share helped to other instruments).
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, BigDecimal>> forYear(int year, Map<Long, Map<String, BigDecimal>> stored) {
        Map<Long, Map<String, BigDecimal>> all = new HashMap<>();
        Map<Long, Long> admittedByOperator = new HashMap<>();
        active.byOperator(year).forEach((operatorId, c) -> {
            Map<String, BigDecimal> v = new HashMap<>();
            v.put("akt.bedrifter", BigDecimal.valueOf(c.companies()));
            v.put("akt.nye-inntak", share(c.admitted(), c.companies()));
            v.put("akt.art28", share(c.aided(), c.companies()));
            all.put(operatorId, v);
            admittedByOperator.put(operatorId, c.admitted());
        });
        dialogues.actuals(year).forEach((operatorId, d) -> {
            Map<String, BigDecimal> v = all.get(operatorId);
            if (v == null) {
                return;
            }
            if (d.srlIncreasePercent() != null) {
                v.put("bk.srl", d.srlIncreasePercent());
            }
            if (d.taxonomyPositivePercent() != null) {
                v.put("bk.miljomal", d.taxonomyPositivePercent());
            }
        });
        targetFigures.lockedForYear(year).forEach((operatorId, figures) -> {
            Map<String, BigDecimal> v = all.get(operatorId);
            if (v == null) {
                return;
            }
            Map<String, BigDecimal> imported = stored.getOrDefault(operatorId, Map.of());
            for (Ambition a : AMBITIONS) {
                BigDecimal achieved = "#nye-inntak".equals(a.achieved()) ? BigDecimal.valueOf(admittedByOperator.get(operatorId))
                        : v.getOrDefault(a.achieved(), imported.get(a.achieved()));
                BigDecimal target = number(figures.get(a.targetFigure()));
                if (achieved != null && target != null && target.signum() > 0) {
                    v.put(a.code(), achieved.divide(target, 2, RoundingMode.HALF_UP));
                }
            }
        });
        return all;
    }

    private static BigDecimal share(long count, long of) {
        return BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal number(Object o) {
        if (o instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (o instanceof String s && !s.isBlank()) {
            return IndicatorImport.parseValue(s);
        }
        return null;
    }
}
