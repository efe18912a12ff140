package no.siva.programflyt.differentiation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.siva.programflyt.differentiation.DifferentiationService.CountyRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code diff_round_county}: each county's part of a round (meeting, frame, proposal, feedback). */
@Repository
class RoundCounties {

    private final JdbcClient jdbc;

    RoundCounties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A round's counties, by number. */
    List<CountyRow> ofRound(long roundId) {
        return jdbc.sql("select county_code, meeting_held_on, meeting_notes, frame_nok, frame_by, frame_at, proposal_sent_at, "
                + "feedback, reservations, feedback_by, feedback_at from diff_round_county where round_id = ? order by county_code")
                .param(roundId).query(CountyRow.class).list();
    }

    void add(long roundId, String countyCode) {
        jdbc.sql("insert into diff_round_county (round_id, county_code) values (?, ?) on conflict do nothing")
                .params(roundId, countyCode).update();
    }

    /** Sets columns of one county's row: {@code setSql} is the {@code set} clause, {@code params} its values. */
    void update(long roundId, String countyCode, String setSql, Object... params) {
        List<Object> all = new ArrayList<>(Arrays.asList(params));
        all.add(roundId);
        all.add(countyCode);
        jdbc.sql("update diff_round_county set " + setSql + " where round_id = ? and county_code = ?").params(all).update();
    }
}
