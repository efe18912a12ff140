package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import no.siva.programflyt.differentiation.GrantModelService.GrantModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code grant_model} and {@code grant_step}: the versions of the grant model, each with its steps. */
@Repository
class GrantModels {

    private final JdbcClient jdbc;

    GrantModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> latestId(int firstYear) {
        return jdbc.sql("select id from grant_model where first_year = ? order by version_no desc limit 1").param(firstYear)
                .query(Long.class).optional();
    }

    List<Long> ids(int firstYear) {
        return jdbc.sql("select id from grant_model where first_year = ? order by version_no desc").param(firstYear)
                .query(Long.class).list();
    }

    GrantModel load(long id) {
        record Row(long id, int firstYear, int lastYear, int versionNo, String note, String createdBy, Instant createdAt) {}
        Row r = jdbc.sql("select id, first_year, last_year, version_no, note, created_by, created_at from grant_model where id = ?")
                .param(id).query(Row.class).single();
        SortedMap<Integer, BigDecimal> steps = new TreeMap<>();
        jdbc.sql("select step, amount_nok from grant_step where model_id = ? order by step").param(id)
                .query((rs, n) -> steps.put(rs.getInt(1), rs.getBigDecimal(2))).list();
        return new GrantModel(r.id(), r.firstYear(), r.lastYear(), r.versionNo(), r.note(), r.createdBy(), r.createdAt(), steps);
    }

    int nextVersionNo(int firstYear) {
        return jdbc.sql("select coalesce(max(version_no), 0) + 1 from grant_model where first_year = ?").param(firstYear)
                .query(Integer.class).single();
    }

    /** A new version with its steps; its id. */
    long insert(int firstYear, int version, String note, String by, Instant at, SortedMap<Integer, BigDecimal> steps) {
        long id = jdbc.sql(
                "insert into grant_model (first_year, last_year, version_no, note, created_by, created_at) values (?, ?, ?, ?, ?, ?) returning id")
                .params(firstYear, firstYear + 1, version, note, by, Timestamp.from(at)).query(Long.class).single();
        steps.forEach((step, amount) -> jdbc.sql("insert into grant_step (model_id, step, amount_nok) values (?, ?, ?)")
                .params(id, step, amount).update());
        return id;
    }
}
