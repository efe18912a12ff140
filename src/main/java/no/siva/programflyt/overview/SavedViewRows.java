package no.siva.programflyt.overview;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import no.siva.programflyt.overview.SavedViews.View;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code saved_overview_view}: views saved by name per role and scope. */
@Repository
class SavedViewRows {

    private final JdbcClient jdbc;

    SavedViewRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<View> find(List<String> roles, String scope) {
        return jdbc.sql("select id, role, name, query, created_by from saved_overview_view where role in (:roles) "
                + "and scope = :scope order by name")
                .param("roles", roles).param("scope", scope).query(View.class).list();
    }

    /** Saves a view, or replaces the query of the user's own view of that name; false when another person's has it. */
    boolean save(String role, String scope, String name, String query, String by, Instant at) {
        return jdbc.sql("insert into saved_overview_view (role, scope, name, query, created_by, created_at) values (?, ?, ?, ?, ?, ?) "
                + "on conflict (role, scope, name) do update set query = excluded.query "
                + "where saved_overview_view.created_by = excluded.created_by")
                .params(role, scope, name, query, by, Timestamp.from(at)).update() != 0;
    }

    /** Deletes a view saved by {@code by}, or any of the role's views when {@code anyOfRole}. */
    void delete(long id, String by, String role, boolean anyOfRole) {
        jdbc.sql("delete from saved_overview_view where id = ? and (created_by = ? or (role = ? and ?))")
                .params(id, by, role, anyOfRole).update();
    }
}
