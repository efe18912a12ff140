package no.siva.programflyt.differentiation;

import java.util.List;
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
}
