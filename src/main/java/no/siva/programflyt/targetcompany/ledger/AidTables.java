package no.siva.programflyt.targetcompany.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.targetcompany.ledger.AidLedger.GrantRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aid tables the ledger's rules read and write: {@code aid_cap} (the cap's history), {@code aid_group_member}
 * (the linked enterprises sharing a cap), {@code aid_grant}, {@code other_state_aid}, and the sums of
 * {@code aid_ledger_line}; and the advisory lock on an org number while its group's grant is checked.
 */
@Repository
class AidTables {

    private final JdbcClient jdbc;

    AidTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cap in EUR from each date it took effect, oldest first. */
    Map<LocalDate, BigDecimal> caps() {
        Map<LocalDate, BigDecimal> m = new LinkedHashMap<>();
        jdbc.sql("select valid_from, cap_eur from aid_cap order by valid_from")
                .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2))).list()
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /** The company's linked enterprises, replaced by {@code orgs}. */
    void replaceGroup(long targetCompanyId, Collection<String> orgs) {
        jdbc.sql("delete from aid_group_member where target_company_id = ?").param(targetCompanyId).update();
        for (String org : orgs) {
            jdbc.sql("insert into aid_group_member (target_company_id, org_number) values (?, ?)").params(targetCompanyId, org)
                    .update();
        }
    }

    /** The org numbers linked to the company's, transitively, in both directions, its own included; in order. */
    List<String> group(String orgNumber, long targetCompanyId) {
        return jdbc.sql("""
                with recursive g(org) as (
                    select ?::varchar
                    union
                    select org_number from aid_group_member where target_company_id = ?
                    union
                    select m2.org_number from g join aid_group_member m1 on m1.org_number = g.org
                        join aid_group_member m2 on m2.target_company_id = m1.target_company_id)
                select org from g order by org""").params(orgNumber, targetCompanyId).query(String.class).list();
    }

    /** Holds an org number's advisory lock until the transaction ends. */
    void lock(String orgNumber) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(Long.parseLong(orgNumber)).query().singleRow();
    }

    long insertGrant(long targetCompanyId, String orgNumber, LocalDate grantedOn, String kind, BigDecimal amountNok,
                     EurRates.Rate rate, BigDecimal amountEur, String description, String by, Instant at) {
        return jdbc.sql("""
                insert into aid_grant (target_company_id, org_number, granted_on, kind, amount_nok, eur_rate, amount_eur,
                    provisional_rate, description, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(targetCompanyId, orgNumber, grantedOn, kind, amountNok, rate.nokPerEur(), amountEur, rate.provisional(),
                        description, by, Timestamp.from(at))
                .query(Long.class).single();
    }

    /** The company's grants, oldest first. */
    List<GrantRow> grants(long targetCompanyId) {
        return jdbc.sql("""
                select id, granted_on, kind, amount_nok, eur_rate, amount_eur, provisional_rate, description from aid_grant
                where target_company_id = ? order by granted_on, id""").param(targetCompanyId)
                .query((rs, n) -> new GrantRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBoolean(7), rs.getString(8)))
                .list();
    }

    /** NOK granted to the company in all. */
    BigDecimal grantedNok(long targetCompanyId) {
        return sum("select coalesce(sum(amount_nok), 0) from aid_grant where target_company_id = ?", targetCompanyId);
    }

    /** NOK granted to the company up to and including a day. */
    BigDecimal grantedNokUntil(long targetCompanyId, LocalDate until) {
        return sum("select coalesce(sum(amount_nok), 0) from aid_grant where target_company_id = ? and granted_on <= ?",
                targetCompanyId, until);
    }

    /** NOK of aid invoiced to the company in all. */
    BigDecimal invoicedNok(long targetCompanyId) {
        return sum("select coalesce(sum(aid_nok), 0) from aid_ledger_line where target_company_id = ?", targetCompanyId);
    }

    /** NOK of aid invoiced to the company for services up to and including a day. */
    BigDecimal invoicedNokUntil(long targetCompanyId, LocalDate until) {
        return sum("select coalesce(sum(aid_nok), 0) from aid_ledger_line where target_company_id = ? "
                + "and service_date <= ?", targetCompanyId, until);
    }

    private BigDecimal sum(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(BigDecimal.class).single();
    }

    /** EUR granted per org number after {@code after} up to and including {@code end}, other state aid included. */
    Map<String, BigDecimal> usedEurByOrg(String[] orgs, LocalDate after, LocalDate end) {
        Map<String, BigDecimal> used = new HashMap<>();
        for (String sql : List.of(
                "select org_number, sum(amount_eur) from aid_grant where org_number = any(?) and granted_on > ? "
                        + "and granted_on <= ? group by org_number",
                "select org_number, sum(amount_eur) from other_state_aid where org_number = any(?) and granted_on > ? "
                        + "and granted_on <= ? group by org_number")) {
            jdbc.sql(sql).params(orgs, after, end).query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
                    .list().forEach(e -> used.merge(e.getKey(), e.getValue(), BigDecimal::add));
        }
        return used;
    }

    void insertOtherAid(long targetCompanyId, String orgNumber, LocalDate grantedOn, BigDecimal amountEur, String source) {
        jdbc.sql("insert into other_state_aid (target_company_id, org_number, granted_on, amount_eur, source) values (?, ?, ?, ?, ?)")
                .params(targetCompanyId, orgNumber, grantedOn, amountEur, source).update();
    }

    /** The grants and other state aid of these org numbers dated strictly between two days. */
    List<RollingCap.Grant> grantsBetween(String[] orgs, LocalDate after, LocalDate before) {
        List<RollingCap.Grant> result = new ArrayList<>();
        for (String sql : List.of(
                "select granted_on, amount_eur from aid_grant where org_number = any(?) and granted_on > ? and granted_on < ?",
                "select granted_on, amount_eur from other_state_aid where org_number = any(?) and granted_on > ? and granted_on < ?")) {
            result.addAll(jdbc.sql(sql).params(orgs, after, before)
                    .query((rs, n) -> new RollingCap.Grant(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2))).list());
        }
        return result;
    }
}
