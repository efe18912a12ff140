package no.siva.programflyt.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.followup.FollowUpWork.Measure;
import no.siva.programflyt.followup.FollowUpWork.Meeting;
import no.siva.programflyt.followup.FollowUpWork.Score;
import no.siva.programflyt.followup.FollowUpWork.Scoreboard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of the work on a follow-up case: its meetings, its measures and the versions of its scoreboard. */
@Repository
class CaseRecords {

    private final JdbcClient jdbc;

    CaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addMeeting(long caseId, LocalDate heldOn, String form, String participants, String summary, String by, Instant at) {
        jdbc.sql("""
                insert into follow_up_meeting (case_id, held_on, form, participants, summary, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""").params(caseId, heldOn, form, participants, summary, by, Timestamp.from(at))
                .update();
    }

    List<Meeting> meetings(long caseId) {
        return jdbc.sql("select id, held_on, form, participants, summary, recorded_by, recorded_at from follow_up_meeting "
                + "where case_id = ? order by held_on desc, id desc").param(caseId)
                .query((rs, n) -> new Meeting(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    void addMeasure(long caseId, String description, String owner, LocalDate dueDate, String by, Instant at) {
        jdbc.sql("insert into follow_up_measure (case_id, description, owner, due_date, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?)")
                .params(caseId, description, owner, dueDate, by, Timestamp.from(at)).update();
    }

    /** Marks an open measure of the case done, once. */
    void completeMeasure(long measureId, long caseId, String comment, String by, Instant at) {
        jdbc.sql("update follow_up_measure set status = 'DONE', done_by = ?, done_at = ?, done_comment = ? "
                + "where id = ? and case_id = ? and status = 'OPEN'")
                .params(by, Timestamp.from(at), comment, measureId, caseId)
                .update();
    }

    List<Measure> measures(long caseId) {
        return jdbc.sql("select id, description, owner, due_date, status, done_by, done_at, done_comment "
                + "from follow_up_measure where case_id = ? order by due_date, id").param(caseId)
                .query((rs, n) -> new Measure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getString(8)))
                .list();
    }

    /** Stores a new version of the scoreboard (a score and an optional comment per area); returns its number. */
    int addScoreboard(long caseId, Map<String, Integer> scores, Map<String, String> comments, String by, Instant at) {
        int versionNo = jdbc.sql("select coalesce(max(version_no), 0) + 1 from follow_up_scoreboard where case_id = ?")
                .param(caseId).query(Integer.class).single();
        long id = jdbc.sql("insert into follow_up_scoreboard (case_id, version_no, recorded_by, recorded_at) "
                + "values (?, ?, ?, ?) returning id")
                .params(caseId, versionNo, by, Timestamp.from(at)).query(Long.class).single();
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            jdbc.sql("insert into follow_up_score (scoreboard_id, area, score, comment) values (?, ?, ?, ?)")
                    .params(id, e.getKey(), e.getValue(), comments.get(e.getKey())).update();
        }
        return versionNo;
    }

    /** Every version, newest first. */
    List<Scoreboard> scoreboards(long caseId) {
        Map<Long, Scoreboard> boards = new LinkedHashMap<>();
        jdbc.sql("""
                select b.id, b.version_no, b.recorded_by, b.recorded_at, s.area, s.score, s.comment
                from follow_up_scoreboard b left join follow_up_score s on s.scoreboard_id = b.id
                where b.case_id = ? order by b.version_no desc""").param(caseId).query(rs -> {
            Scoreboard b = boards.get(rs.getLong(1));
            if (b == null) {
                b = new Scoreboard(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        new ArrayList<>());
                boards.put(b.id(), b);
            }
            if (rs.getString(5) != null) {
                b.scores().add(new Score(rs.getString(5), rs.getInt(6), rs.getString(7)));
            }
        });
        return List.copyOf(boards.values());
    }

    boolean hasScoreboard(long caseId) {
        return jdbc.sql("select exists (select 1 from follow_up_scoreboard where case_id = ?)").param(caseId)
                .query(Boolean.class).single();
    }
}
