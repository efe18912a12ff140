package no.siva.programflyt.overview;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.DueSoon;
import no.siva.programflyt.shared.SqlTimes;
import org.springframework.beans.factory.annotation.Value;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.cases.CaseInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the overview from {@code case_state} with each case's open tasks and incidents joined live, always within
 * the user's scope: Siva sees every case, a county official her counties' cases, operator staff their operator's.
 */
@Repository
class CaseStates {

    /** One case in the overview. */
    public record Row(String caseType, long caseId, String title, String businessKey, String countyCode, Long operatorId,
                      Integer year, String stageKey, String url, Instant startedAt, Instant endedAt, Instant lastEventAt,
                      String lastEvent, long openTasks, long overdueTasks, Instant nextDue, String assignees,
                      long incidents) {}

    /** An open task of a case in scope. */
    public record TaskRow(long taskId, String name, String caseType, long caseId, String caseTitle, String assignee,
                          Instant dueAt, String countyCode) {}

    public record Page(List<Row> rows, long total, int page, int pages) {}

    /** The page's rows first (in {@code page}), then their open tasks and incidents: per shown row only. */
    private static final String COLUMNS = """
            select s.case_type, s.case_id, s.title, s.business_key, s.county_code, s.operator_id, s.case_year, s.stage_key,
                   s.url, s.started_at, s.ended_at, s.last_event_at, s.last_event,
                   coalesce(t.open_tasks, 0) open_tasks, coalesce(t.overdue_tasks, 0) overdue_tasks, t.next_due, t.assignees,
                   coalesce(i.incidents, 0) incidents
            """;
    private static final String JOINS = """
            left join lateral (select count(*) open_tasks, count(*) filter (where u.due_at < :now) overdue_tasks,
                       min(u.due_at) next_due, string_agg(distinct u.assignee, ', ') assignees
                  from user_task u where u.case_type = s.task_case_type and u.case_id = s.task_case_id
                   and u.state = 'OPEN' and (s.task_county is null or u.county_code = s.task_county)) t on true
            left join lateral (select count(*) incidents from incident x
                  where x.case_type = s.task_case_type and x.case_id = s.task_case_id and x.resolved_at is null
                    and s.task_county is null) i on true
            """;

    private static final Map<String, String> ORDER = Map.of("title", "s.title %s", "type", "s.case_type %s, s.stage_key %s",
            "stage", "s.stage_key %s", "county", "s.county_code %s nulls last", "started", "s.started_at %s nulls last",
            "lastEvent", "s.last_event_at %s", "nextDue", "t.next_due %s nulls last");

    private final JdbcClient jdbc;
    private final Duration dueSoon;

    public CaseStates(JdbcClient jdbc, @Value("${programflyt.tasks.due-soon:P3D}") Duration dueSoon) {
        this.jdbc = jdbc;
        this.dueSoon = dueSoon;
    }

    @Transactional(readOnly = true)
    public Page page(CurrentUser user, OverviewQuery q, Instant now) {
        Where w = where(user, q, now, true);
        long total = jdbc.sql("select count(*) from case_state s " + w.sql()).params(w.params()).query(Long.class).single();
        int pages = (int) Math.max(1, (total + OverviewQuery.PAGE_SIZE - 1) / OverviewQuery.PAGE_SIZE);
        int page = Math.min(q.page(), pages - 1);
        List<Row> rows = rows(w, q, now, OverviewQuery.PAGE_SIZE, page * OverviewQuery.PAGE_SIZE);
        return new Page(rows, total, page, pages);
    }

    /** Every row of the view (exports), streamed to {@code sink} in pages so the heap stays flat. */
    @Transactional(readOnly = true)
    public void each(CurrentUser user, OverviewQuery q, Instant now, Consumer<Row> sink) {
        Where w = where(user, q, now, true);
        int size = 1000;
        for (int offset = 0;; offset += size) {
            List<Row> rows = rows(w, q, now, size, offset);
            rows.forEach(sink);
            if (rows.size() < size) {
                return;
            }
        }
    }

    /** How many cases of each process are in each stage, for the same filters (stage and page left out). */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Long>> countsByStage(CurrentUser user, OverviewQuery q, Instant now) {
        OverviewQuery all = new OverviewQuery(q.type(), q.county(), q.operator(), q.year(), null, q.stale(), q.due(),
                q.state(), q.sort(), q.descending(), 0);
        Where w = where(user, all, now, true);
        Map<String, Map<String, Long>> m = new LinkedHashMap<>();
        jdbc.sql("select s.case_type, s.stage_key, count(*) from case_state s " + w.sql()
                + " group by s.case_type, s.stage_key order by s.case_type, s.stage_key").params(w.params())
                .query((rs, n) -> m.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3)))
                .list();
        return m;
    }

    /** Open tasks of the cases in scope that are overdue ({@code overdue}) or due within the due-soon window. */
    @Transactional(readOnly = true)
    public List<TaskRow> tasks(CurrentUser user, OverviewQuery q, Instant now, boolean overdue, int limit) {
        OverviewQuery open = new OverviewQuery(q.type(), q.county(), q.operator(), q.year(), q.stage(), null, null,
                "open", q.sort(), q.descending(), 0);
        Where w = where(user, open, now, false);
        String due = overdue ? " and u.due_at < :now" : " and u.due_at >= :now and u.due_at < :soon";
        Map<String, Object> params = new LinkedHashMap<>(w.params());
        params.put("now", Timestamp.from(now));
        params.put("soon", Timestamp.from(DueSoon.limit(now, dueSoon)));
        params.put("limit", limit);
        return jdbc.sql("""
                select distinct on (u.due_at, u.id) u.id, u.name, s.case_type, s.case_id, s.title, u.assignee, u.due_at, s.county_code
                from user_task u join case_state s on u.case_type = s.task_case_type and u.case_id = s.task_case_id
                     and (s.task_county is null or u.county_code = s.task_county)
                """ + w.sql() + " and u.state = 'OPEN'" + due + " order by u.due_at, u.id limit :limit")
                .params(params).query((rs, n) -> new TaskRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    private List<Row> rows(Where w, OverviewQuery q, Instant now, int limit, int offset) {
        Map<String, Object> params = new LinkedHashMap<>(w.params());
        params.put("now", Timestamp.from(now));
        params.put("limit", limit);
        params.put("offset", offset);
        String dir = q.descending() ? "desc" : "asc";
        String order = ORDER.get(q.sort()).replace("%s", dir) + ", s.case_type " + dir + ", s.case_id " + dir;
        String sql = "nextDue".equals(q.sort())
                // the next due date is known only from the tasks: every row in scope is joined, by design
                ? COLUMNS + "from case_state s " + JOINS + w.sql() + " order by " + order + " limit :limit offset :offset"
                : COLUMNS + "from (select * from case_state s " + w.sql() + " order by " + order
                        + " limit :limit offset :offset) s " + JOINS + " order by " + order;
        return jdbc.sql(sql)
                .params(params).query((rs, n) -> new Row(rs.getString("case_type"), rs.getLong("case_id"),
                        rs.getString("title"), rs.getString("business_key"), rs.getString("county_code"),
                        (Long) rs.getObject("operator_id", Long.class), (Integer) rs.getObject("case_year", Integer.class),
                        rs.getString("stage_key"), rs.getString("url"), SqlTimes.instant(rs.getTimestamp("started_at")),
                        SqlTimes.instant(rs.getTimestamp("ended_at")), SqlTimes.instant(rs.getTimestamp("last_event_at")),
                        rs.getString("last_event"), rs.getLong("open_tasks"), rs.getLong("overdue_tasks"),
                        SqlTimes.instant(rs.getTimestamp("next_due")), rs.getString("assignees"), rs.getLong("incidents")))
                .list();
    }

    private record Where(String sql, Map<String, Object> params) {}

    /** The filters and the user's scope as a where clause on {@code case_state s}. */
    private Where where(CurrentUser user, OverviewQuery q, Instant now, boolean taskFilters) {
        List<String> and = new ArrayList<>();
        Map<String, Object> p = new LinkedHashMap<>();
        UserScope scope = UserScope.of(user, "s.counties && string_to_array(:scopeCounties, ',')",
                "s.operator_id = :scopeOperator");
        and.add(scope.sql());
        p.putAll(scope.params());
        equal(and, p, "s.case_type", "type", q.type());
        equal(and, p, "s.county_code", "county", q.county());
        equal(and, p, "s.operator_id", "operator", q.operator());
        equal(and, p, "s.case_year", "year", q.year());
        equal(and, p, "s.stage_key", "stage", q.stage());
        if ("open".equals(q.state())) {
            // open: not ended, or ended with tasks still open (an admitted operator's onboarding tasks)
            and.add("(s.ended_at is null or exists (select 1 from user_task u where u.case_type = s.task_case_type "
                    + "and u.case_id = s.task_case_id and u.state = 'OPEN'))");
        } else if ("ended".equals(q.state())) {
            and.add("s.ended_at is not null");
        }
        if (q.stale() != null && q.stale() > 0) {
            and.add("s.last_event_at < :staleBefore");
            p.put("staleBefore", Timestamp.from(now.minus(Duration.ofDays(Math.min(q.stale(), 3650)))));
        }
        if (taskFilters && q.due() != null) {
            and.add("exists (select 1 from user_task u where u.case_type = s.task_case_type and u.case_id = s.task_case_id "
                    + "and (s.task_county is null or u.county_code = s.task_county) and u.state = 'OPEN' and "
                    + ("overdue".equals(q.due()) ? "u.due_at < :dueNow)" : "u.due_at >= :dueNow and u.due_at < :dueSoon)"));
            p.put("dueNow", Timestamp.from(now));
            p.put("dueSoon", Timestamp.from(DueSoon.limit(now, dueSoon)));
        }
        return new Where(" where " + String.join(" and ", and), p);
    }

    /** A filter «column = :name», when it has a value. */
    private static void equal(List<String> and, Map<String, Object> params, String column, String name, Object value) {
        if (value != null) {
            and.add(column + " = :" + name);
            params.put(name, value);
        }
    }

    // ---- the projection's writes (CaseStateProjection) ----------------------------------------------------------

    /** Serialises refreshes of one case until the transaction ends. */
    void lock(String caseType, long caseId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?), hashtext(?))").params(caseType, Long.toString(caseId))
                .query((rs, n) -> 1).list();
    }

    void delete(String caseType, long caseId) {
        jdbc.sql("delete from case_state where case_type = ? and case_id = ?").params(caseType, caseId).update();
    }

    /**
     * Writes the case's row. {@code at} null keeps the last event's time (a new row gets {@code now}); with
     * {@code onStageChange} it moves only when the stage changed.
     */
    void save(String caseType, long caseId, String mainProcessId, CaseInfo info, CaseFacts f, String lastEvent, Instant at,
              boolean onStageChange, Instant now) {
        String lastAt = at == null ? "case_state.last_event_at"
                : onStageChange ? "case when case_state.stage_key is distinct from excluded.stage_key "
                        + "then excluded.last_event_at else case_state.last_event_at end"
                        : "excluded.last_event_at";
        jdbc.sql("""
                insert into case_state (case_type, case_id, bpmn_process_id, title, business_key, county_code, counties,
                    operator_id, case_year, stage_key, url, started_at, ended_at, last_event_at, last_event,
                    task_case_type, task_case_id, task_county)
                values (?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_type, case_id) do update set bpmn_process_id = excluded.bpmn_process_id,
                    title = excluded.title, business_key = excluded.business_key, county_code = excluded.county_code,
                    counties = excluded.counties, operator_id = excluded.operator_id, case_year = excluded.case_year,
                    stage_key = excluded.stage_key, url = excluded.url, started_at = excluded.started_at,
                    ended_at = excluded.ended_at, last_event_at = """ + lastAt + """
                ,
                    last_event = coalesce(excluded.last_event, case_state.last_event),
                    task_case_type = excluded.task_case_type, task_case_id = excluded.task_case_id,
                    task_county = excluded.task_county
                """).params(caseType, caseId, mainProcessId, cut(info.title(), 300), cut(info.businessKey(), 60),
                info.countyCode(), String.join(",", info.counties() == null ? Set.of() : info.counties()),
                info.operatorId(), f.year(), info.stageKey(), info.url(), SqlTimes.timestamp(f.startedAt()),
                SqlTimes.timestamp(f.endedAt()),
                SqlTimes.timestamp(at == null ? now : at), cut(lastEvent, 500),
                f.tasks() == null ? caseType : f.tasks().caseType(), f.tasks() == null ? caseId : f.tasks().caseId(),
                f.tasks() == null ? null : f.tasks().countyCode()).update();
    }

    /** Every case with audit entries but no row: its type, id and last entry's time. */
    List<Object[]> missing() {
        return jdbc.sql("""
                select a.case_type, a.case_id, max(a.occurred_at) from audit_event a
                where a.case_type is not null and a.case_id is not null
                  and not exists (select 1 from case_state s where s.case_type = a.case_type and s.case_id = a.case_id)
                group by a.case_type, a.case_id
                """).query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()}).list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
