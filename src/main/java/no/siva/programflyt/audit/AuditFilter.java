package no.siva.programflyt.audit;

import jakarta.persistence.criteria.Predicate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.siva.programflyt.shared.Formats;
import org.springframework.data.jpa.domain.Specification;

/**
 * The audit page's filters as they stand in its URL: a period of days in Norwegian time (both ends included), an
 * action, a process (case type), a person (user name) and free text in the entry or its key. Empty means any.
 */
record AuditFilter(LocalDate from, LocalDate to, String action, String caseType, String actor, String q) {

    public static AuditFilter of(LocalDate from, LocalDate to, String action, String caseType, String actor, String q) {
        return new AuditFilter(from, to, blank(action), blank(caseType), blank(actor), blank(q));
    }

    Specification<AuditEvent> specification() {
        return (root, query, cb) -> {
            List<Predicate> and = new ArrayList<>();
            if (from != null) {
                and.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from.atStartOfDay(Formats.OSLO).toInstant()));
            }
            if (to != null) {
                and.add(cb.lessThan(root.get("occurredAt"), to.plusDays(1).atStartOfDay(Formats.OSLO).toInstant()));
            }
            if (action != null) {
                and.add(cb.equal(root.get("action"), action));
            }
            if (caseType != null) {
                and.add(cb.equal(root.get("caseType"), caseType));
            }
            if (actor != null) {
                and.add(cb.equal(root.get("actor"), actor));
            }
            if (q != null) {
                String like = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                and.add(cb.or(cb.like(cb.lower(cb.coalesce(root.get("summary"), "")), like, '\\'),
                        cb.like(cb.lower(cb.coalesce(root.get("businessKey"), "")), like, '\\')));
            }
            return cb.and(and.toArray(Predicate[]::new));
        };
    }

    /** The query string of this filter (links to other pages and to the CSV of the same selection). */
    public String queryString() {
        StringBuilder sb = new StringBuilder();
        add(sb, "from", from == null ? null : from.toString());
        add(sb, "to", to == null ? null : to.toString());
        add(sb, "action", action);
        add(sb, "caseType", caseType);
        add(sb, "actor", actor);
        add(sb, "q", q);
        return sb.toString();
    }

    private static void add(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(sb.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
