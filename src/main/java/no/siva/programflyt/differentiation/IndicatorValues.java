package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import no.siva.programflyt.differentiation.DifferentiationAnalysis.Inputs;
import no.siva.programflyt.differentiation.DifferentiationAnalysis.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code diff_indicator_value}: a round's indicator values per operator and report year, with their source. */
@Repository
class IndicatorValues {

    private final JdbcClient jdbc;

    IndicatorValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Inputs ofRound(long roundId) {
        Map<Long, Map<Integer, Map<String, Value>>> m = new HashMap<>();
        jdbc.sql("select operator_id, report_year, indicator_code, value, source from diff_indicator_value where round_id = ?")
                .param(roundId).query((rs, n) -> m.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getInt(2), k -> new HashMap<>())
                        .put(rs.getString(3), new Value(rs.getBigDecimal(4), rs.getString(5))))
                .list();
        return new Inputs(m);
    }

    void remove(long roundId, long operatorId, int year, String code) {
        jdbc.sql("delete from diff_indicator_value where round_id = ? and operator_id = ? and indicator_code = ? "
                + "and report_year = ?").params(roundId, operatorId, code, year).update();
    }

    void put(long roundId, long operatorId, int year, String code, BigDecimal value, String source, String by, Instant at) {
        jdbc.sql("insert into diff_indicator_value (round_id, operator_id, report_year, indicator_code, value, source, "
                + "updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (round_id, operator_id, indicator_code, report_year) do update set value = excluded.value, "
                + "source = excluded.source, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .params(roundId, operatorId, year, code, value, source, by, Timestamp.from(at)).update();
    }
}
