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

    /** The lock, or null when another starter holds it. */
    Held tryHold() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (advisory(c, "select pg_try_advisory_lock(?)")) {
                return new Held(c);
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.close();
        return null;
    }

    /** The held lock: closing it unlocks and gives the connection back. */
    static final class Held implements AutoCloseable {
        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() throws SQLException {
            try (connection) {
                advisory(connection, "select pg_advisory_unlock(?)");
            }
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
