package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.siva.programflyt.differentiation.DifferentiationService.CountyRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code diff_round_county}: each county's part of a round (meeting, frame, proposal, feedback). */
@Repository
class RoundCounties {

    /** A county's part with its round's year and the time the basis was sent: the part as a case of the overview. */
    record Part(long id, long roundId, int year, String countyCode, boolean met, boolean framed, boolean proposed,
                String feedback, Instant basisSentAt, Instant feedbackAt) {}

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

    /** The county meeting is held. */
    void meetingHeld(long roundId, String countyCode, LocalDate on, String notes) {
        jdbc.sql("update diff_round_county set meeting_held_on = ?, meeting_notes = ? where round_id = ? and county_code = ?")
                .params(on, notes, roundId, countyCode).update();
    }

    /** The county's preliminary frame is reported. */
    void frameReported(long roundId, String countyCode, BigDecimal frame, String by, Instant at) {
        jdbc.sql("update diff_round_county set frame_nok = ?, frame_by = ?, frame_at = ? where round_id = ? and county_code = ?")
                .params(frame, by, Timestamp.from(at), roundId, countyCode).update();
    }

    /** A placement proposal is made for the county: an earlier answer no longer stands. */
    void proposalMade(long roundId, String countyCode, String by) {
        jdbc.sql("update diff_round_county set proposal_sent_by = ?, feedback = null where round_id = ? and county_code = ?")
                .params(by, roundId, countyCode).update();
    }

    /** The proposal's letter has gone to the county; the first sending's time stays. */
    void proposalSent(long roundId, String countyCode, Instant at) {
        jdbc.sql("update diff_round_county set proposal_sent_at = coalesce(proposal_sent_at, ?) "
                + "where round_id = ? and county_code = ?").params(Timestamp.from(at), roundId, countyCode).update();
    }

    /** The county's answer to the proposal. */
    void feedbackGiven(long roundId, String countyCode, String feedback, String reservations, String by, Instant at) {
        jdbc.sql("update diff_round_county set feedback = ?, reservations = ?, feedback_by = ?, feedback_at = ? "
                + "where round_id = ? and county_code = ?")
                .params(feedback, reservations, by, Timestamp.from(at), roundId, countyCode).update();
    }

    Optional<Part> part(long id) {
        return jdbc.sql("select c.id, c.round_id, r.round_year as year, c.county_code, c.meeting_held_on is not null as met, "
                + "c.frame_at is not null as framed, c.proposal_sent_at is not null as proposed, c.feedback, "
                + "r.basis_sent_at, c.feedback_at from diff_round_county c join diff_round r on r.id = c.round_id "
                + "where c.id = ?")
                .param(id).query(Part.class).optional();
    }

    List<Long> idsOfRound(long roundId) {
        return jdbc.sql("select id from diff_round_county where round_id = ?").param(roundId).query(Long.class).list();
    }
}
