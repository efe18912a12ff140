package no.siva.programflyt.differentiation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.differentiation.DifferentiationAnalysis.LimitedCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The follow-up cases whose limited analysis (§7.1) belongs to a year, read for the differentiation's pages. */
@Repository
class LimitedCases {

    private final JdbcClient jdbc;

    LimitedCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Flagged the year before, due in the year, or open and not yet scheduled; by the operator's name. */
    List<LimitedCase> ofYear(int year) {
        return jdbc.sql("select c.id as case_id, c.operator_id, o.name, c.analysis_due, c.flagged_on, c.analysis_outcome as outcome "
                + "from follow_up_case c join operator o on o.id = c.operator_id "
                + "where extract(year from c.analysis_due) = ? or extract(year from c.flagged_on) = ? "
                + "or (c.closed_at is null and c.analysis_due is null) order by o.name")
                .params(year, year - 1).query(LimitedCase.class).list();
    }

    /**
     * The open follow-ups whose limited analysis falls in a round's year (flagged by the previous year's analysis, or
     * due in the year), and those not yet concluded (not yet scheduled): each id, name, status and analysisDue.
     */
    List<Map<String, Object>> openForYear(int year) {
        return jdbc.sql("select c.id, o.name, c.status, c.analysis_due from follow_up_case c "
                + "join operator o on o.id = c.operator_id where c.closed_at is null and (c.analysis_due is null "
                + "or extract(year from c.analysis_due) = ? or extract(year from c.flagged_on) = ?) order by o.name")
                .params(year, year - 1)
                .query((rs, n) -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("id", rs.getLong(1));
                    m.put("name", rs.getString(2));
                    m.put("status", rs.getString(3));
                    m.put("analysisDue", rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate());
                    return m;
                }).list();
    }
}
