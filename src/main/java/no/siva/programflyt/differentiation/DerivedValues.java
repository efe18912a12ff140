package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.reporting.TargetFigures;
import no.siva.programflyt.targetcompany.DevelopmentDialogues;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final DevelopmentDialogues dialogues;
    private final TargetFigures targetFigures;

    public DerivedValues(JdbcClient jdbc, DevelopmentDialogues dialogues, TargetFigures targetFigures) {
        this.jdbc = jdbc;
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
        jdbc.sql("""
                with active as (
                    select c.id, c.operator_id, c.agreement_start from target_company c
                    where c.agreement_start is not null and c.agreement_start <= make_date(?, 12, 31)
                      and coalesce(c.exit_date, c.agreement_end) >= make_date(?, 1, 1))
                select a.operator_id, count(*) as companies,
                       count(*) filter (where extract(year from a.agreement_start) = ?) as admitted,
                       count(*) filter (where exists (select 1 from aid_ledger_line l where l.target_company_id = a.id
                           and extract(year from l.service_date) = ?)) as aided
                from active a group by a.operator_id""").params(year, year, year, year).query((rs, k) -> {
            long n = rs.getLong("companies");
            long admitted = rs.getLong("admitted");
            Map<String, BigDecimal> v = new HashMap<>();
            v.put("akt.bedrifter", BigDecimal.valueOf(n));
            v.put("akt.nye-inntak", share(admitted, n));
            v.put("akt.art28", share(rs.getLong("aided"), n));
            all.put(rs.getLong("operator_id"), v);
            admittedByOperator.put(rs.getLong("operator_id"), admitted);
            return null;
        }).list();
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
