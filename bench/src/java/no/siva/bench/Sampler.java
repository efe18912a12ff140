package no.siva.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sampling profiler in the benchmark's JVM: every 10 ms it notes, for each running thread, the innermost frame of
 * Programflyt's code (or "engine", "database driver", "other") and the innermost frame overall; the shares show where the
 * time of a phase goes. PostgreSQL's own processes are not in it (their CPU time is counted apart).
 */
final class Sampler implements AutoCloseable {

    private final Map<String, Integer> ours = new HashMap<>();
    private final Map<String, Integer> leaves = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int samples;

    Sampler() {
        thread = Thread.ofPlatform().daemon().name("bench-sampler").start(this::loop);
    }

    private void loop() {
        while (running) {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                Thread t = e.getKey();
                StackTraceElement[] stack = e.getValue();
                if (t == thread || t.getState() != Thread.State.RUNNABLE || stack.length == 0
                        || t.getName().startsWith("bench-") || isWaitingForIo(stack[0])) {
                    continue;
                }
                synchronized (this) {
                    samples++;
                    leaves.merge(stack[0].getClassName() + "." + stack[0].getMethodName(), 1, Integer::sum);
                    ours.merge(area(stack), 1, Integer::sum);
                }
            }
            EngineOverhead.pause(10);
        }
    }

    private static boolean isWaitingForIo(StackTraceElement top) {
        String m = top.getClassName() + "." + top.getMethodName();
        return m.contains("epollWait") || m.contains("socketAccept") || m.contains("SocketDispatcher.read")
                || m.contains("NioSocketImpl.read") || m.contains("EPoll.wait") || m.contains("Net.poll")
                || m.contains("Unsafe.park") || m.contains("Object.wait") || m.contains("Net.accept")
                || m.contains("takeVirtualThreadListToUnblock") || m.contains("waitForReferencePendingList")
                || m.contains("FileInputStream.readBytes") || m.contains("Thread.sleep");
    }

    private static String area(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (f.getClassName().startsWith("no.siva.programflyt.")) {
                return f.getClassName().substring("no.siva.programflyt.".length()) + "." + f.getMethodName();
            }
        }
        String all = stack[stack.length - 1].getClassName() + " " + stack[0].getClassName();
        if (all.contains("zeebe")) {
            return "(engine)";
        }
        for (StackTraceElement f : stack) {   // else the innermost frame outside the JDK: the library that asked
            String c = f.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                return "(" + c + "." + f.getMethodName() + ")";
            }
        }
        return "(JDK)";
    }

    /** The top entries of each tally, as printable lines. */
    synchronized List<String> report(int top) {
        List<String> lines = new ArrayList<>();
        lines.add("   profile: " + samples + " samples of running threads");
        lines.add("   where in Programflyt (or outside it): " + top(ours, top));
        lines.add("   innermost frames: " + top(leaves, top));
        return lines;
    }

    private String top(Map<String, Integer> tally, int n) {
        return tally.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .map(e -> String.format("%s %.0f%%", e.getKey(), 100.0 * e.getValue() / Math.max(1, samples)))
                .reduce((a, b) -> a + "; " + b).orElse("-");
    }

    @Override
    public void close() {
        running = false;
    }
}
