package no.siva.programflyt.targetcompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The starter's lock gives its connection back in every case, and never to the pool while it may still hold the lock. */
class LifecycleStarterLockTest {

    private final Connection connection = mock(Connection.class);
    private final LifecycleStarterLock lock;

    LifecycleStarterLockTest() throws SQLException {
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenReturn(connection);
        lock = new LifecycleStarterLock(dataSource);
    }

    private void answers(String sql, boolean value) throws SQLException {
        PreparedStatement statement = mock(PreparedStatement.class);
        ResultSet rs = mock(ResultSet.class);
        when(connection.prepareStatement(sql)).thenReturn(statement);
        when(statement.executeQuery()).thenReturn(rs);
        when(rs.next()).thenReturn(true);
        when(rs.getBoolean(1)).thenReturn(value);
    }

    @Test
    void takenByAnother_theConnectionGoesBack_andNothingIsUnlocked() throws SQLException {
        answers("select pg_try_advisory_lock(?)", false);
        try (LifecycleStarterLock.Attempt attempt = lock.tryHold()) {
            assertThat(attempt.held()).isFalse();
        }
        verify(connection, never()).prepareStatement("select pg_advisory_unlock(?)");
        verify(connection).close();
    }

    @Test
    void held_isUnlockedAndGivenBack() throws SQLException {
        answers("select pg_try_advisory_lock(?)", true);
        answers("select pg_advisory_unlock(?)", true);
        try (LifecycleStarterLock.Attempt attempt = lock.tryHold()) {
            assertThat(attempt.held()).isTrue();
        }
        verify(connection).prepareStatement("select pg_advisory_unlock(?)");
        verify(connection).close();
        verify(connection, never()).abort(any());
    }

    @Test
    void anUnlockThatFails_endsTheConnection_ratherThanReturnItToThePoolHoldingTheLock() throws SQLException {
        answers("select pg_try_advisory_lock(?)", true);
        SQLException unlockFailed = new SQLException("unlock failed");
        when(connection.prepareStatement("select pg_advisory_unlock(?)")).thenThrow(unlockFailed);
        LifecycleStarterLock.Attempt attempt = lock.tryHold();
        assertThatThrownBy(attempt::close).isSameAs(unlockFailed);
        // ended before it is closed: a pooled connection, once closed, is back in the pool with its session's lock
        var order = inOrder(connection);
        order.verify(connection).abort(any());
        order.verify(connection).close();
    }

    @Test
    void aTryThatFails_givesTheConnectionBack_andKeepsItsOwnError() throws SQLException {
        SQLException tryFailed = new SQLException("try failed");
        when(connection.prepareStatement("select pg_try_advisory_lock(?)")).thenThrow(tryFailed);
        SQLException closeFailed = new SQLException("close failed");
        doThrow(closeFailed).when(connection).close();
        assertThatThrownBy(lock::tryHold).isSameAs(tryFailed).hasSuppressedException(closeFailed);
    }
}
