package no.siva.programflyt.tasks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The inbox's filters, as they appear in its URL (and so in saved filters).
 *
 * @param view  "mine" (assigned to me), "groups" (my candidate groups), "all" (all I may see)
 * @param due   "overdue", "soon" or empty
 */
public record TaskQuery(String view, String process, String due, String county, String q) {

    public static TaskQuery of(String view, String process, String due, String county, String q) {
        return new TaskQuery(view == null || view.isBlank() ? "groups" : view, blank(process), blank(due),
                blank(county), blank(q));
    }

    /** The query string of this filter, for links and saved filters. */
    public String toQueryString() {
        StringBuilder sb = new StringBuilder("view=").append(view);
        append(sb, "process", process);
        append(sb, "due", due);
        append(sb, "county", county);
        append(sb, "q", q);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
