package no.siva.programflyt.targetcompany.ledger;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ECB yearly average NOK per EUR (table {@code eur_rate}, editable by administrators). The guide converts aid at
 * the average of the year it was received; until that year's average is known, the newest known rate is used and
 * the year is marked provisional.
 */
@Repository
public class EurRates {

    public record Rate(int year, BigDecimal nokPerEur, boolean provisional) {}

    private final JdbcClient jdbc;

    public EurRates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Rate forYear(int year) {
        Optional<Rate> exact = jdbc.sql("select year, nok_per_eur, provisional from eur_rate where year = ?").param(year)
                .query((rs, n) -> new Rate(rs.getInt(1), rs.getBigDecimal(2), rs.getBoolean(3))).optional();
        return exact.orElseGet(() -> jdbc.sql("select year, nok_per_eur from eur_rate where year < ? order by year desc limit 1")
                .param(year).query((rs, n) -> new Rate(year, rs.getBigDecimal(2), true)).optional()
                .orElseThrow(() -> new IllegalStateException("no EUR rate for " + year + " or earlier")));
    }

    public void set(int year, BigDecimal nokPerEur, boolean provisional) {
        jdbc.sql("""
                insert into eur_rate (year, nok_per_eur, provisional) values (?, ?, ?)
                on conflict (year) do update set nok_per_eur = excluded.nok_per_eur, provisional = excluded.provisional""")
                .params(year, nokPerEur, provisional).update();
    }
}
