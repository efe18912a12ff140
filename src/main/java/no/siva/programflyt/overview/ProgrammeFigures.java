package no.siva.programflyt.overview;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The programme's figures from {@code operator}, {@code target_company}, {@code aid_ledger_line} and
 * {@code cooperation_agreement}, within the user's scope: Siva every operator, a county official her counties'
 * operators, operator staff their own (a user with more than one role sees what any of them lets her see).
 */
@Repository
class ProgrammeFigures {

    /** One operator's figures for a year. */
    record OperatorFigures(long id, String name, String countyCode, String status, long active, long admitted, long exited,
                           BigDecimal aid, BigDecimal grant) {}

    /** Target companies admitted and exited in a year. */
    record YearFigures(int year, long admitted, long exited) {}

    private final JdbcClient jdbc;

    ProgrammeFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each operator in scope, by county and name: active companies, admitted and exited in the year, aid and grant. */
    List<OperatorFigures> operators(CurrentUser user, int year) {
        UserScope scope = scope(user);
        Map<String, Object> p = new LinkedHashMap<>(scope.params());
        p.put("year", year);
        return jdbc.sql("""
                select o.id, o.name, o.county_code, o.status,
                  (select count(*) from target_company t where t.operator_id = o.id and t.status = 'ACTIVE'),
                  (select count(*) from target_company t where t.operator_id = o.id and extract(year from t.agreement_start) = :year),
                  (select count(*) from target_company t where t.operator_id = o.id and extract(year from t.exit_date) = :year),
                  (select coalesce(sum(l.aid_nok), 0) from aid_ledger_line l join target_company t on t.id = l.target_company_id
                     where t.operator_id = o.id and extract(year from l.service_date) = :year),
                  (select a.annual_grant from cooperation_agreement a where a.operator_id = o.id)
                from operator o where\s""" + scope.sql() + " order by o.county_code, o.name")
                .params(p).query((rs, n) -> new OperatorFigures(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9)))
                .list();
    }

    /** The target companies of the operators in scope admitted and exited in {@code year}. */
    YearFigures admittedAndExited(CurrentUser user, int year) {
        UserScope scope = scope(user);
        Map<String, Object> p = new LinkedHashMap<>(scope.params());
        p.put("year", year);
        long[] c = jdbc.sql("select (select count(*) from target_company t join operator o on o.id = t.operator_id where "
                + scope.sql() + " and extract(year from t.agreement_start) = :year), (select count(*) from target_company t "
                + "join operator o on o.id = t.operator_id where " + scope.sql() + " and extract(year from t.exit_date) = :year)")
                .params(p).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new YearFigures(year, c[0], c[1]);
    }

    private static UserScope scope(CurrentUser user) {
        return UserScope.of(user, "o.county_code = any(string_to_array(:scopeCounties, ','))", "o.id = :scopeOperator");
    }
}
