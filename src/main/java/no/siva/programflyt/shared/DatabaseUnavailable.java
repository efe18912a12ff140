package no.siva.programflyt.shared;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure means our own database could not be reached (an outage or a restart), rather than anything about
 * the case: then a page says so and asks the user to try again, and a job is retried without using up its retries.
 * Only a lost or refused connection counts: a full pool with a healthy database, or an error the database gives every
 * time, is a fault to be seen (an incident, a 500 in the log), not waited out.
 */
public final class DatabaseUnavailable {

    /** PostgreSQL's "the server is shutting down / restarting / cannot connect now". */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {}

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && lostConnection(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL state class 08 is "connection exception" (the pool's timeout carries the last such failure as its cause when
     * the server cannot be reached). A connection the pool has already closed after such a failure answers "Connection
     * is closed" without a state (HikariCP), for instance to the rollback that follows it.
     */
    private static boolean lostConnection(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state))
                || "Connection is closed".equals(e.getMessage());
    }
}
