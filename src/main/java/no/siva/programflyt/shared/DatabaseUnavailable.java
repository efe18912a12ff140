package no.siva.programflyt.shared;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means our own database could not be reached (an outage, a restart, a full pool), rather than
 * anything about the case: then a page says so and asks the user to try again, and a job is retried without using up
 * its retries.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLException sql && lostConnection(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL state class 08 is "connection exception". A connection the pool has already closed after such a failure
     * answers "Connection is closed" without a state (HikariCP), for instance to the rollback that follows it.
     */
    private static boolean lostConnection(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08") || "Connection is closed".equals(e.getMessage());
    }
}
