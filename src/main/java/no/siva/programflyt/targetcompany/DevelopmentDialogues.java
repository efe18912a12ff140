package no.siva.programflyt.targetcompany;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the development dialogues of a year add up to for an operator's target figures (guide §11.2): the share of
 * companies with an increase on the SRL scale from the previous year (the year's last dialogue against the last one
 * before the year began; two dialogues within one year are no increase from the previous year), and the shares with a positive effect on, or significant harm to, at least one of the EU taxonomy's six
 * objectives. Companies without a dialogue in the year are not counted; a company's first dialogue has no increase.
 */
@Repository
public class DevelopmentDialogues {

    /** What a development dialogue recorded (the task «Gjennomfør årlig utviklingssamtale»). */
    record Held(long targetCompanyId, LocalDate heldOn, int srl, String taxonomyPositive, String taxonomyHarm,
                boolean womanFounder, boolean womanCeo, boolean womanChair, boolean export, boolean internationalMarket,
                boolean referred, boolean internationalContacts, String nextNeeds) {}

    /** The year's actuals: companies with a dialogue, and the three shares in percent (null when none). */
    public record Actuals(int companies, BigDecimal srlIncreasePercent, BigDecimal taxonomyPositivePercent,
                          BigDecimal taxonomyHarmPercent) {}

    private final JdbcClient jdbc;

    public DevelopmentDialogues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a dialogue once per company and day (a redelivered completion changes nothing). */
    void insert(Held d, String by, Instant at) {
        jdbc.sql("""
                insert into development_dialogue (target_company_id, held_on, srl, taxonomy_positive, taxonomy_harm,
                    woman_founder, woman_ceo, woman_chair, export, international_market, referred,
                    international_contacts, next_needs, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (target_company_id, held_on) do nothing""")
                .params(d.targetCompanyId(), d.heldOn(), d.srl(), d.taxonomyPositive(), d.taxonomyHarm(), d.womanFounder(),
                        d.womanCeo(), d.womanChair(), d.export(), d.internationalMarket(), d.referred(),
                        d.internationalContacts(), d.nextNeeds(), by, Timestamp.from(at))
                .update();
    }

    @Transactional(readOnly = true)
    public Actuals actuals(long operatorId, int year) {
        return byOperator(year, operatorId).getOrDefault(operatorId, new Actuals(0, null, null, null));
    }

    /** The year's actuals of every operator with a dialogue in the year (one query). */
    @Transactional(readOnly = true)
    public Map<Long, Actuals> actuals(int year) {
        return byOperator(year, null);
    }

    private Map<Long, Actuals> byOperator(int year, Long operatorId) {
        Map<Long, Actuals> m = new HashMap<>();
        jdbc.sql("""
                with last_in_year as (
                    select distinct on (d.target_company_id) c.operator_id, d.target_company_id, d.held_on, d.srl,
                           d.taxonomy_positive, d.taxonomy_harm
                    from development_dialogue d join target_company c on c.id = d.target_company_id
                    where (?::bigint is null or c.operator_id = ?) and extract(year from d.held_on) = ?
                    order by d.target_company_id, d.held_on desc)
                select l.operator_id, count(*) as companies,
                       count(*) filter (where l.srl > (select p.srl from development_dialogue p
                           where p.target_company_id = l.target_company_id and p.held_on < make_date(?, 1, 1)
                           order by p.held_on desc limit 1)) as increased,
                       count(*) filter (where l.taxonomy_positive <> '') as positive,
                       count(*) filter (where l.taxonomy_harm <> '') as harm
                from last_in_year l group by l.operator_id""").params(operatorId, operatorId, year, year)
                .query((rs, k) -> {
                    long n = rs.getLong("companies");
                    m.put(rs.getLong("operator_id"), new Actuals((int) n, share(rs.getLong("increased"), n),
                            share(rs.getLong("positive"), n), share(rs.getLong("harm"), n)));
                    return null;
                }).list();
        return m;
    }

    private static BigDecimal share(Object count, long n) {
        return n == 0 ? null : BigDecimal.valueOf(((Number) count).longValue() * 100L)
                .divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_UP);
    }
}
