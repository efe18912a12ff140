package no.siva.programflyt.reporting;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code target_figures}: an operator's target figures for a year, as JSON, and whether Siva locked them. */
@Repository
class TargetFigureRows {

    /** A row's figures (JSON) and lock. */
    record Row(String figures, boolean locked) {}

    private final JdbcClient jdbc;

    TargetFigureRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long operatorId, int year) {
        return jdbc.sql("select figures, locked from target_figures where operator_id = ? and year = ?")
                .params(operatorId, year).query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2))).optional();
    }

    /** The locked figures (JSON) of every operator for a year, by operator. */
    Map<Long, String> lockedForYear(int year) {
        Map<Long, String> m = new HashMap<>();
        jdbc.sql("select operator_id, figures from target_figures where year = ? and locked").param(year)
                .query((rs, n) -> m.put(rs.getLong(1), rs.getString(2))).list();
        return m;
    }

    /** Whether the year's figures are locked, the row held for this transaction (false when there is none). */
    boolean lockedForUpdate(long operatorId, int year) {
        return jdbc.sql("select locked from target_figures where operator_id = ? and year = ? for update")
                .params(operatorId, year).query(Boolean.class).optional().orElse(false);
    }

    void save(long operatorId, int year, String figures) {
        jdbc.sql("""
                insert into target_figures (operator_id, year, figures) values (?, ?, ?)
                on conflict (operator_id, year) do update set figures = excluded.figures""")
                .params(operatorId, year, figures).update();
    }

    void lock(long operatorId, int year) {
        jdbc.sql("update target_figures set locked = true where operator_id = ? and year = ?").params(operatorId, year).update();
    }
}
