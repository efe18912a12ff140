package no.siva.programflyt.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an operator's reports start from, read from the target companies' tables: the aid of a period and the
 * companies admitted and exited in it (a report; nothing of those modules is changed).
 */
@Repository
class OperatorActivity {

    /** The aid given in a period (NOK) and to how many companies. */
    record Aid(BigDecimal nok, long companies) {}

    private final JdbcClient jdbc;

    OperatorActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Aid aid(long operatorId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select coalesce(sum(l.aid_nok), 0), count(distinct l.target_company_id) from aid_ledger_line l
                join target_company c on c.id = l.target_company_id
                where c.operator_id = ? and l.service_date between ? and ?""")
                .params(operatorId, from, to)
                .query((rs, n) -> new Aid(rs.getBigDecimal(1), rs.getLong(2))).single();
    }

    /** Companies whose agreement started in the period: name, org_number, agreement_start. */
    List<Map<String, Object>> admitted(long operatorId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select name, org_number, agreement_start from target_company
                where operator_id = ? and agreement_start between ? and ? order by agreement_start""")
                .params(operatorId, from, to).query().listOfRows();
    }

    /** Companies that exited in the period: name, org_number, exit_date. */
    List<Map<String, Object>> exited(long operatorId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select name, org_number, exit_date from target_company
                where operator_id = ? and exit_date between ? and ? order by exit_date""")
                .params(operatorId, from, to).query().listOfRows();
    }
}
