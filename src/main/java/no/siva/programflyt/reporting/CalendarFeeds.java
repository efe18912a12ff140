package no.siva.programflyt.reporting;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The secret subscription address of each operator's deadline feed. */
@Repository
class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final Clock clock;

    public CalendarFeeds(Clock clock, JdbcClient jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** A new secret (256 bits) replaces the operator's old one. */
    @Transactional
    public String renew(long operatorId) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        jdbc.sql("""
                insert into calendar_feed (operator_id, token, created_at) values (?, ?, ?)
                on conflict (operator_id) do update set token = excluded.token, created_at = excluded.created_at""")
                .params(operatorId, token, Timestamp.from(clock.instant())).update();
        return token;
    }

    public Optional<Long> operatorOf(String token) {
        if (token == null || !token.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return jdbc.sql("select operator_id from calendar_feed where token = ?").param(token).query(Long.class).optional();
    }
}
