package no.siva.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Concurrent virtual users on loopback, each with its own session, for a fixed time; latencies in milliseconds. */
final class Load {

    /** What one user does once; returns false when the answer was an error, throws {@link Done} when it has no more. */
    interface Step {
        boolean run(Session s, int user, long iteration);
    }

    static final class Done extends RuntimeException {
        Done() {
            super(null, null, false, false);
        }
    }

    record Result(String name, int users, long requests, long errors, double seconds, double p50, double p95, double p99) {
        double perSecond() {
            return requests / seconds;
        }

        String line() {
            return String.format("%-34s users %3d  requests %6d  errors %3d  %7.1f req/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms",
                    name, users, requests, errors, perSecond(), p50, p95, p99);
        }
    }

    private Load() {
    }

    static Result run(String name, List<Session> sessions, Duration duration, Step step) {
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(sessions.size());
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < sessions.size(); u++) {
            int user = u;
            threads.add(Thread.ofPlatform().name("bench-user-" + u).start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    for (long i = 0; System.nanoTime() < end; i++) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = step.run(sessions.get(user), user, i);
                        } catch (Done d) {
                            break;
                        } catch (RuntimeException e) {
                            ok = false;
                        }
                        long t = System.nanoTime() - t0;
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = t;
                    }
                } finally {
                    samples.add(Arrays.copyOf(mine, n));
                    done.countDown();
                }
            }));
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, sessions.size(), all.length, errors.get(), seconds, pct(all, 50), pct(all, 95), pct(all, 99));
    }

    static double pct(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
    }

    /** Sequential requests by one user: its latencies in ms, sorted. */
    static long[] sequential(int times, Function<Integer, Boolean> request) {
        long[] t = new long[times];
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            if (!request.apply(i)) {
                throw new IllegalStateException("request " + i + " failed");
            }
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return t;
    }
}
