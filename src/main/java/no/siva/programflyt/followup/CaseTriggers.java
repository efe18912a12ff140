package no.siva.programflyt.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.siva.programflyt.followup.FollowUpService.Trigger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code follow_up_trigger}: what started or was added to a follow-up case, once per source key. */
@Repository
class CaseTriggers {

    private final JdbcClient jdbc;

    CaseTriggers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the operator's row for the rest of the transaction: one open case per operator. False if there is none. */
    boolean lockOperator(long operatorId) {
        return jdbc.sql("select id from operator where id = ? for update").param(operatorId).query(Long.class).optional()
                .isPresent();
    }

    /** The case a source key's trigger was recorded on, if it was. */
    Optional<Long> caseOf(String sourceKey) {
        return jdbc.sql("select case_id from follow_up_trigger where source_key = ?").param(sourceKey).query(Long.class)
                .optional();
    }

    void add(long caseId, TriggerType type, String evidence, String sourceKey, String raisedBy, Instant at) {
        jdbc.sql("insert into follow_up_trigger (case_id, trigger_type, evidence, source_key, raised_by, raised_at) "
                + "values (?, ?, ?, ?, ?, ?)")
                .params(caseId, type.name(), evidence, sourceKey, raisedBy, Timestamp.from(at)).update();
    }

    List<Trigger> ofCase(long caseId) {
        return jdbc.sql("select id, trigger_type, evidence, source_key, raised_by, raised_at from follow_up_trigger "
                + "where case_id = ? order by raised_at, id").param(caseId)
                .query((rs, n) -> new Trigger(rs.getLong(1), TriggerType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** A case whose process never started: its triggers and the case itself go. */
    void removeCase(long caseId) {
        jdbc.sql("delete from follow_up_trigger where case_id = ?").param(caseId).update();
        jdbc.sql("delete from follow_up_case where id = ?").param(caseId).update();
    }
}
