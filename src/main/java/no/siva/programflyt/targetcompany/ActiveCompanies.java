package no.siva.programflyt.targetcompany;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * From {@code target_company} and {@code aid_ledger_line}: each operator's target companies with an agreement in force
 * some day of a year, how many of them were admitted that year, and how many received innovation aid dated in it.
 */
@Repository
public class ActiveCompanies {

    /** An operator's counts for a year. */
    public record Counts(long companies, long admitted, long aided) {}

    private final JdbcClient jdbc;

    ActiveCompanies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's counts of every operator with an active target company (one query). */
    public Map<Long, Counts> byOperator(int year) {
        Map<Long, Counts> m = new HashMap<>();
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
            m.put(rs.getLong("operator_id"), new Counts(rs.getLong("companies"), rs.getLong("admitted"), rs.getLong("aided")));
            return null;
        }).list();
        return m;
    }
}
