package no.siva.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reliability suite's load run ({@code mvn -Pbench verify -Dbench.args=load}, docs/reliability.md): 50 users at
 * once for 5 minutes against the dev profile with the national data set, each going round the pages an operator's
 * staff use, without think time. Passes when no request failed (a request that waits for a database connection
 * longer than the pool's timeout fails) and the heap after a full GC grew by at most 10 %; the pool's use and
 * waiting requests are printed beside. The engine runs in a JVM of its own here (the in-memory engine keeps every record
 * it writes, which would otherwise be counted as the application's heap).
 */
final class LoadRun {

    static final int USERS = 50;
    static final Duration LENGTH = Duration.ofMinutes(5);
    private static final List<String> PAGES = List.of("/", "/tasks", "/tasks?page=2", "/target-companies", "/overview",
            "/reporting", "/differentiation/mine");

    private LoadRun() {
    }

    static boolean run(ConfigurableApplicationContext app, String base, Consumer<String> print)
            throws java.sql.SQLException {
        List<Session> users = IntStream.rangeClosed(1, USERS)
                .mapToObj(k -> Session.signedIn(base, "bench-op-" + k, "demo")).toList();
        Load.Step round = (s, u, i) -> s.get(PAGES.get((int) ((u + i) % PAGES.size()))).status() == 200;
        Load.run("warm-up", users, Duration.ofSeconds(20), round);
        long heapBefore = heapAfterGc();
        Load.Result r;
        String pool;
        try (PoolWatch watch = new PoolWatch(app)) {
            r = Load.run("pages of operator staff", users, LENGTH, round);
            pool = watch.line();
        }
        long heapAfter = heapAfterGc();
        double growth = (heapAfter - heapBefore) * 100.0 / heapBefore;
        print.accept("Load run: " + USERS + " users for " + LENGTH.toMinutes() + " min, no think time, going round " + PAGES);
        print.accept("   " + r.line());
        print.accept(String.format("   heap after a full GC: %d MB before, %d MB after (%+.1f %%); the engine runs in a JVM "
                + "of its own, as a Zeebe cluster would, so this is the application's heap; %s",
                heapBefore >> 20, heapAfter >> 20, growth, pool));
        boolean ok = r.errors() == 0 && growth <= 10;
        print.accept("   " + (ok ? "PASSED" : "FAILED") + ": no request failed, heap growth after GC <= 10 %");
        return ok;
    }

    private static long heapAfterGc() {
        System.gc();
        EngineOverhead.pause(500);
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
