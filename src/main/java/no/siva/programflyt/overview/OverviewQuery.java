package no.siva.programflyt.overview;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The overview's filters, sorting and page, read from request parameters (unknown values are ignored, never an
 * error): process (case type), county, operator, year, stage, cases without progress for {@code stale} days, tasks
 * overdue or due soon, open or ended cases.
 */
public record OverviewQuery(String type, String county, Long operator, Integer year, String stage, Integer stale,
                            String due, String state, String sort, boolean descending, int page) {

    public static final int PAGE_SIZE = 50;
    static final Set<String> SORTS = Set.of("title", "type", "stage", "county", "started", "lastEvent", "nextDue");

    public static OverviewQuery from(MultiValueMap<String, String> p) {
        String sort = p.getFirst("sort");
        return new OverviewQuery(text(p.getFirst("type")), code(p.getFirst("county")), number(p.getFirst("operator")),
                integer(p.getFirst("year")), text(p.getFirst("stage")), integer(p.getFirst("stale")),
                "overdue".equals(p.getFirst("due")) || "soon".equals(p.getFirst("due")) ? p.getFirst("due") : null,
                "ended".equals(p.getFirst("state")) || "all".equals(p.getFirst("state")) ? p.getFirst("state") : "open",
                sort != null && SORTS.contains(sort) ? sort : "lastEvent", !"asc".equals(p.getFirst("dir")),
                Math.max(0, integer(p.getFirst("page")) == null ? 0 : integer(p.getFirst("page"))));
    }

    public OverviewQuery withPage(int p) {
        return new OverviewQuery(type, county, operator, year, stage, stale, due, state, sort, descending, p);
    }

    public OverviewQuery withType(String t) {
        return new OverviewQuery(t, county, operator, year, null, stale, due, state, sort, descending, 0);
    }

    public OverviewQuery withSort(String s) {
        boolean desc = s.equals(sort) ? !descending : !s.equals("title") && !s.equals("nextDue");
        return new OverviewQuery(type, county, operator, year, stage, stale, due, state, s, desc, 0);
    }

    /** The query as request parameters (for links, exports and saved views). */
    public Map<String, String> params() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "type", type);
        put(m, "county", county);
        put(m, "operator", operator);
        put(m, "year", year);
        put(m, "stage", stage);
        put(m, "stale", stale);
        put(m, "due", due);
        if (!"open".equals(state)) {
            m.put("state", state);
        }
        if (!"lastEvent".equals(sort) || !descending) {
            m.put("sort", sort);
            m.put("dir", descending ? "desc" : "asc");
        }
        if (page > 0) {
            m.put("page", String.valueOf(page));
        }
        return m;
    }

    public String queryString() {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        params().forEach(b::queryParam);
        String q = b.build().encode().toUriString();
        return q.startsWith("?") ? q.substring(1) : q;
    }

    private static void put(Map<String, String> m, String k, Object v) {
        if (v != null) {
            m.put(k, v.toString());
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() || s.length() > 80 || !s.matches("[A-Za-z0-9_.\\-]+") ? null : s;
    }

    private static String code(String s) {
        return s != null && s.matches("\\d{2}") ? s : null;
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
