package no.siva.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;

/** Samples the application's connection pool every 100 ms: the most connections in use and requests waiting for one. */
final class PoolWatch implements AutoCloseable {

    private final HikariDataSource pool;
    private final AtomicInteger maxActive = new AtomicInteger();
    private final AtomicInteger maxWaiting = new AtomicInteger();
    private final Thread thread;

    PoolWatch(ApplicationContext app) throws SQLException {
        pool = app.getBean(DataSource.class).unwrap(HikariDataSource.class);
        thread = Thread.ofPlatform().daemon().name("bench-pool-watch").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxActive.accumulateAndGet(pool.getHikariPoolMXBean().getActiveConnections(), Math::max);
                maxWaiting.accumulateAndGet(pool.getHikariPoolMXBean().getThreadsAwaitingConnection(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    int maxWaiting() {
        return maxWaiting.get();
    }

    String line() {
        return String.format("connection pool of %d: at most %d in use, at most %d requests waiting for one",
                pool.getMaximumPoolSize(), maxActive.get(), maxWaiting.get());
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
