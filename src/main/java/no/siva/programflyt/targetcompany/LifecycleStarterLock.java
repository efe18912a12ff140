package no.siva.programflyt.targetcompany;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;

/**
 * A PostgreSQL session advisory lock that lets one lifecycle starter run at a time across all application instances
 * ({@link ImportedLifecycles}). It is held on a connection of its own, outside any transaction, until closed.
 */
@Repository
class LifecycleStarterLock {

    /** The advisory lock's key. */
    private static final long KEY = 0x50666C4C_69666531L;

    private final DataSource dataSource;

    LifecycleStarterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Tries to take the lock on a connection of its own; the answer says whether it was taken. Closing it unlocks (when
     * taken) and gives the connection back.
     */
    Attempt tryHold() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            return new Attempt(c, advisory(c, "select pg_try_advisory_lock(?)"));
        } catch (SQLException | RuntimeException e) {
            try (c) {
                throw e;
            }
        }
    }

    /** One try for the lock. */
    static final class Attempt implements AutoCloseable {
        private final Connection connection;
        private final boolean held;

        private Attempt(Connection connection, boolean held) {
            this.connection = connection;
            this.held = held;
        }

        /** Whether this starter holds the lock; false when another one does. */
        boolean held() {
            return held;
        }

        @Override
        public void close() throws SQLException {
            try {
                if (held) {
                    advisory(connection, "select pg_advisory_unlock(?)");
                }
            } catch (SQLException | RuntimeException e) {
                // a connection whose session may still hold the lock is ended, not given back to the pool with it
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException | RuntimeException abortFailed) {
                    e.addSuppressed(abortFailed);
                }
                try {
                    connection.close();
                } catch (SQLException closeFailed) {
                    e.addSuppressed(closeFailed);
                }
                throw e;
            }
            connection.close();
        }
    }

    private static boolean advisory(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
