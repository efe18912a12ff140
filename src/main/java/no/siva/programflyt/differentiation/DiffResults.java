package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.differentiation.DifferentiationAnalysis.OperatorResult;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.ScoringEngine;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code diff_result}: each operator's frozen scores, groups and steps in a round. */
@Repository
class DiffResults {

    /** The criteria's column suffixes, in {@link Criterion}'s order. */
    private static final String[] COLUMNS = {"activity", "satisfaction", "sustainability", "export", "growth"};

    private final JdbcClient jdbc;
    private final OperatorRepository operators;

    DiffResults(JdbcClient jdbc, OperatorRepository operators) {
        this.jdbc = jdbc;
        this.operators = operators;
    }

    /** A round's results, the highest weighted score first. */
    List<OperatorResult> ofRound(long roundId) {
        Map<Long, Operator> byId = new HashMap<>();
        operators.findAll().forEach(o -> byId.put(o.getId(), o));
        return jdbc.sql("select * from diff_result where round_id = ? order by weighted desc nulls last, operator_id")
                .param(roundId).query((rs, n) -> {
                    Operator o = byId.get(rs.getLong("operator_id"));
                    Map<Criterion, Integer> g = new EnumMap<>(Criterion.class);
                    Map<Criterion, BigDecimal> sc = new EnumMap<>(Criterion.class);
                    for (Criterion c : Criterion.values()) {
                        int v = rs.getInt("group_" + COLUMNS[c.ordinal()]);
                        if (!rs.wasNull()) {
                            g.put(c, v);
                        }
                        BigDecimal s = rs.getBigDecimal("score_" + COLUMNS[c.ordinal()]);
                        if (s != null) {
                            sc.put(c, s);
                        }
                    }
                    long letter = rs.getLong("letter_document_id");
                    Long letterId = rs.wasNull() ? null : letter;
                    return new OperatorResult(o.getId(), o.getName(), o.getOrgNumber(), o.getCountyCode(),
                            rs.getBigDecimal("weighted"), rs.getBigDecimal("unweighted"), integer(rs, "total_group"), g, sc,
                            rs.getBoolean("soundness_warning"), rs.getInt("negative_areas"), integer(rs, "current_step"),
                            integer(rs, "minimum_step"), integer(rs, "potential_step"), integer(rs, "proposed_step"),
                            rs.getString("reasons"), SqlTimes.instant(rs.getTimestamp("notified_at")), letterId,
                            rs.getString("not_ranked_reason"), rs.getString("development"), rs.getString("soundness"),
                            rs.getString("negative_criteria"));
                }).list();
    }

    /** The operators with a result in the round. */
    List<Long> operatorIds(long roundId) {
        return jdbc.sql("select operator_id from diff_result where round_id = ?").param(roundId).query(Long.class).list();
    }

    /** Minimum and potential step; a new row takes the operator's step on {@code today} as its current step. */
    void place(long roundId, long operatorId, Integer minimum, Integer potential, LocalDate today) {
        jdbc.sql("insert into diff_result (round_id, operator_id, minimum_step, potential_step, current_step) values (?, ?, ?, ?, "
                + "(select step from operator_grant_step where operator_id = ? and effective_from <= ? "
                + "order by effective_from desc limit 1)) on conflict (round_id, operator_id) "
                + "do update set minimum_step = excluded.minimum_step, potential_step = excluded.potential_step")
                .params(roundId, operatorId, minimum, potential, operatorId, today).update();
    }

    void propose(long roundId, long operatorId, Integer step) {
        jdbc.sql("update diff_result set proposed_step = ? where round_id = ? and operator_id = ?")
                .params(step, roundId, operatorId).update();
    }

    /** The operator was told (its first notification stays the one on record) with this letter. */
    void notified(long roundId, long operatorId, long letterDocumentId, Instant at) {
        jdbc.sql("update diff_result set notified_at = coalesce(notified_at, ?), letter_document_id = ? "
                + "where round_id = ? and operator_id = ?").params(Timestamp.from(at), letterDocumentId, roundId, operatorId)
                .update();
    }

    /** What the analysis froze for one operator: its scores and groups, and the texts that explain them. */
    record Frozen(ScoringEngine.Result scores, boolean soundnessWarning, int negativeAreas, String reasons, String soundness,
                  String development, String negativeCriteria, String notRankedReason) {}

    void freeze(long roundId, Frozen f) {
        ScoringEngine.Result s = f.scores();
        jdbc.sql("insert into diff_result (round_id, operator_id) values (?, ?) on conflict do nothing")
                .params(roundId, s.operatorId()).update();
        jdbc.sql("update diff_result set weighted = ?, unweighted = ?, total_group = ?, group_activity = ?, "
                + "group_satisfaction = ?, group_sustainability = ?, group_export = ?, group_growth = ?, "
                + "score_activity = ?, score_satisfaction = ?, score_sustainability = ?, score_export = ?, "
                + "score_growth = ?, soundness_warning = ?, negative_areas = ?, reasons = ?, soundness = ?, "
                + "development = ?, negative_criteria = ?, not_ranked_reason = ? "
                + "where round_id = ? and operator_id = ?")
                .params(s.weighted(), s.unweighted(), s.totalGroup(), s.groups().get(Criterion.ACTIVITY),
                        s.groups().get(Criterion.SATISFACTION), s.groups().get(Criterion.SUSTAINABILITY),
                        s.groups().get(Criterion.EXPORT), s.groups().get(Criterion.GROWTH),
                        s.criterionScores().get(Criterion.ACTIVITY), s.criterionScores().get(Criterion.SATISFACTION),
                        s.criterionScores().get(Criterion.SUSTAINABILITY), s.criterionScores().get(Criterion.EXPORT),
                        s.criterionScores().get(Criterion.GROWTH), f.soundnessWarning(), f.negativeAreas(), f.reasons(),
                        f.soundness(), f.development(), f.negativeCriteria(), f.notRankedReason(), roundId, s.operatorId())
                .update();
        if (f.notRankedReason() != null) {   // placed on its minimum step
            jdbc.sql("update diff_result set potential_step = minimum_step, proposed_step = minimum_step "
                    + "where round_id = ? and operator_id = ?").params(roundId, s.operatorId()).update();
        }
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
