package no.siva.programflyt.tasks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.DueSoon;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The task list's query, in SQL so that PostgreSQL's indexes serve it: the user's groups match a task's candidate
 * groups by array overlap ({@code candidate_group_set && groups}, a GIN index on open tasks, V19) and her own tasks
 * by the assignee (a B-tree on open tasks); a page's rows and the number of rows in all pages come from one query
 * ({@code count(*) over ()}), and the page's tasks are then read by their ids.
 */
@Repository
class Inbox {

    /** A query's WHERE clause and its parameters. */
    private record Where(String sql, Map<String, Object> params) {}

    private final JdbcClient jdbc;
    private final UserTaskRepository tasks;

    Inbox(JdbcClient jdbc, UserTaskRepository tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    Page<UserTask> page(CurrentUser user, TaskQuery query, Instant now, Duration dueSoon, int page, int size,
                        InboxSort sort) {
        int number = Math.max(0, page);
        Where where = where(user, query, now, dueSoon);
        List<long[]> idsAndTotal = jdbc.sql(pageSql(where, sort)).params(pageParams(where, number, size))
                .query((rs, i) -> new long[] {rs.getLong("id"), rs.getLong("total")}).list();
        long total = idsAndTotal.isEmpty() ? (number == 0 ? 0 : count(where)) : idsAndTotal.get(0)[1];
        List<Long> ids = idsAndTotal.stream().map(r -> r[0]).toList();
        Map<Long, UserTask> byId = tasks.findAllById(ids).stream()
                .collect(Collectors.toMap(UserTask::getId, Function.identity()));
        List<UserTask> rows = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new PageImpl<>(rows, PageRequest.of(number, size), total);
    }

    /** PostgreSQL's plan of a page's query as it ran ({@code EXPLAIN ANALYZE}): the benchmark prints it. */
    List<String> plan(CurrentUser user, TaskQuery query, Instant now, Duration dueSoon, InboxSort sort) {
        Where where = where(user, query, now, dueSoon);
        return jdbc.sql("explain (analyze, buffers off) " + pageSql(where, sort)).params(pageParams(where, 0, 50))
                .query(String.class).list();
    }

    private static String pageSql(Where where, InboxSort sort) {
        return "select id, count(*) over () as total from user_task where " + where.sql()
                + " order by " + orderBy(sort) + " limit :limit offset :offset";
    }

    private static Map<String, Object> pageParams(Where where, int number, int size) {
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", size);
        params.put("offset", (long) number * size);
        return params;
    }

    long count(CurrentUser user, TaskQuery query, Instant now, Duration dueSoon) {
        return count(where(user, query, now, dueSoon));
    }

    private long count(Where where) {
        return jdbc.sql("select count(*) from user_task where " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** PostgreSQL sorts nulls last in ascending order: tasks without a due date come last by default. */
    static String orderBy(InboxSort sort) {
        if (sort.isDefault()) {
            return "due_at asc, created_at asc, id asc";
        }
        String column = switch (sort.key()) {
            case "received" -> "created_at";
            case "task" -> "name";
            case "case" -> "case_title";
            default -> "due_at";
        };
        return column + (sort.ascending() ? " asc" : " desc") + ", id asc";
    }

    private static Where where(CurrentUser user, TaskQuery query, Instant now, Duration dueSoon) {
        List<String> and = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        and.add("state = 'OPEN'");
        String mine = "assignee = :me";
        String groups = user.groups().isEmpty() ? "false" : "candidate_group_set && cast(:groups as text[])";
        params.put("me", user.username());
        if (!user.groups().isEmpty()) {
            params.put("groups", user.groups().stream().sorted(Comparator.naturalOrder()).toArray(String[]::new));
        }
        switch (query.view()) {
            case "mine" -> and.add(mine);
            case "all" -> {
                if (!user.seesEverything()) {
                    and.add("(" + mine + " or " + groups + ")");
                }
            }
            default -> and.add("(" + mine + " or " + groups + ")");
        }
        if (query.process() != null) {
            and.add("bpmn_process_id = :process");
            params.put("process", query.process());
        }
        if (query.county() != null) {
            and.add("county_code = :county");
            params.put("county", query.county());
        }
        if ("overdue".equals(query.due())) {
            and.add("due_at < :now");
            params.put("now", Timestamp.from(now));
        } else if ("soon".equals(query.due())) {
            and.add("due_at >= :now and due_at < :soonLimit");
            params.put("now", Timestamp.from(now));
            params.put("soonLimit", Timestamp.from(DueSoon.limit(now, dueSoon)));
        }
        if (query.q() != null) {
            and.add("(lower(name) like :q or lower(coalesce(case_title, '')) like :q"
                    + " or lower(coalesce(business_key, '')) like :q)");
            params.put("q", "%" + query.q().toLowerCase(Locale.ROOT) + "%");
        }
        return new Where(String.join(" and ", and), params);
    }
}
