package no.siva.programflyt.differentiation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import no.siva.programflyt.differentiation.MethodService.Version;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code diff_method}: the project leader's versions of the differentiation method, as JSON. */
@Repository
class MethodVersions {

    private final JdbcClient jdbc;

    MethodVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version's method, as JSON. */
    Optional<String> latestJson() {
        return jdbc.sql("select method_json from diff_method order by version_no desc limit 1").query(String.class).optional();
    }

    Optional<Version> latest() {
        return jdbc.sql("select id, version_no, note, created_by, created_at from diff_method order by version_no desc limit 1")
                .query(Version.class).optional();
    }

    /** A new version after the newest (two saves at once: one after the other); its number. */
    int insert(String json, String note, String by, Instant at) {
        jdbc.sql("lock table diff_method in share row exclusive mode").update();
        int version = jdbc.sql("select coalesce(max(version_no), 0) + 1 from diff_method").query(Integer.class).single();
        jdbc.sql("insert into diff_method (version_no, method_json, note, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(version, json, note, by, Timestamp.from(at)).update();
        return version;
    }
}
