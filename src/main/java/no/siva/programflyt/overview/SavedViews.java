package no.siva.programflyt.overview;

import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Overview views saved by name and shared with everyone in the same role (a county official's still shows her county). */
@Service
public class SavedViews {

    public record View(long id, String role, String name, String query, String createdBy) {}

    /** Whom a view is shared with besides the role: the same operator, or the same counties. */
    static String scopeOf(CurrentUser user) {
        if (user.hasNationalScope()) {
            return "*";
        }
        if (user.isOperatorUser()) {
            return "operator:" + user.operatorId();
        }
        return "counties:" + String.join(",", new TreeSet<>(user.counties()));
    }

    private final SavedViewRows rows;

    private final Clock clock;

    SavedViews(Clock clock, SavedViewRows rows) {
        this.clock = clock;
        this.rows = rows;
    }

    /** The role a view is shared in: the user's first role in the order of {@link Role}. */
    static String roleOf(CurrentUser user) {
        for (Role r : Role.values()) {
            if (user.has(r)) {
                return r.name();
            }
        }
        return "NONE";
    }

    @Transactional(readOnly = true)
    public List<View> forUser(CurrentUser user) {
        List<String> roles = user.roles().stream().map(Role::name).toList();
        if (roles.isEmpty()) {
            return List.of();
        }
        return rows.find(roles, scopeOf(user));
    }

    /** Saves the view under its name for the user's role; returns the message key to show. */
    @Transactional
    public String save(CurrentUser user, String name, OverviewQuery q) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            return "overview.error.viewName";
        }
        boolean saved = rows.save(roleOf(user), scopeOf(user), n, q.queryString(), user.username(), clock.instant());
        return saved ? "overview.viewSaved" : "overview.error.viewTaken";
    }

    /** A view is deleted by whoever saved it, or by a project leader in her own role. */
    @Transactional
    public void delete(CurrentUser user, long id) {
        rows.delete(id, user.username(), roleOf(user), user.has(Role.SIVA_PROSJEKTLEDER));
    }
}
