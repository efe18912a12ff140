package no.siva.programflyt.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.siva.programflyt.followup.OperatorDialogues.Dialogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code operator_dialogue}: Siva's yearly development dialogues with each operator. */
@Repository
class DialogueRecords {

    private final JdbcClient jdbc;

    DialogueRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long operatorId, LocalDate heldOn, boolean countyParticipated, boolean onTrack, String summary, String by,
             Instant at) {
        return jdbc.sql("""
                insert into operator_dialogue (operator_id, held_on, county_participated, outcome, summary, recorded_by,
                                               recorded_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(operatorId, heldOn, countyParticipated, onTrack ? "ON_TRACK" : "NOT_ON_TRACK", summary, by,
                        Timestamp.from(at))
                .query(Long.class).single();
    }

    /** An operator's dialogues, the latest first. */
    List<Dialogue> ofOperator(long operatorId) {
        return jdbc.sql("select id, held_on, county_participated, outcome, summary, recorded_by from operator_dialogue "
                + "where operator_id = ? order by held_on desc, id desc").param(operatorId)
                .query((rs, n) -> new Dialogue(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getBoolean(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }
}
