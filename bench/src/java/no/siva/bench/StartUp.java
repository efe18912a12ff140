package no.siva.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Figure 5: the README's one command ({@code mvn spring-boot:run}) from nothing to the first page (the login page
 * answering 200), and the resident memory then: the application's JVM, its embedded PostgreSQL, and Maven's own JVM.
 */
final class StartUp {

    record Result(double seconds, long appRssMb, long postgresRssMb, long mavenRssMb, Pages pages) {
    }

    /** The one-command run's pages, each visited {@link #VISITS} times by one user at a time, as its four roles. */
    record Pages(double warmSeconds, int pages, int requests, int failures, double p50, double p95, double p99,
                 List<String> slowest, long appRssMb, long postgresRssMb) {
    }

    static final int VISITS = 5;
    static final List<String> ROLES = List.of("saksbehandler", "prosjektleder", "fylke-vestland", "naeringshage");

    private StartUp() {
    }

    static Result measure(Path project) throws Exception {
        int port = 8080;   // the README's command as it is: its own ports, which must be free
        for (int p : new int[] {port, 26500}) {
            try (ServerSocket s = new ServerSocket(p)) {
                s.close();
            } catch (IOException e) {
                throw new IllegalStateException("port " + p + " is in use: stop the running Programflyt first");
            }
        }
        Path log = project.resolve("target/bench-startup.log");
        Process mvn = new ProcessBuilder("mvn", "-q", "spring-boot:run")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long t0 = System.nanoTime();
        java.time.Instant started = java.time.Instant.now();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            while (true) {
                if (!mvn.isAlive()) {
                    throw new IllegalStateException("mvn spring-boot:run ended; see " + log);
                }
                if (System.nanoTime() - t0 > Duration.ofMinutes(4).toNanos()) {
                    throw new IllegalStateException("no first page within 4 minutes; see " + log);
                }
                try {
                    if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                EngineOverhead.pause(100);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long app = appRssKb(mvn);
            long postgres = postgresPssKb(started);
            long maven = rssKb(mvn.pid());
            Pages pages = walk(log, t0, port, mvn, started);
            return new Result(seconds, app / 1024, postgres / 1024, maven / 1024, pages);
        } finally {
            stop(mvn);
        }
    }

    private static long appRssKb(Process mvn) {
        return mvn.descendants().filter(p -> p.info().commandLine().orElse("").contains("java"))
                .mapToLong(p -> rssKb(p.pid())).sum();
    }

    /**
     * pg_ctl detaches the server from the application: its processes are found by name and start time; their
     * proportional set sizes (shared buffers counted once in all), not the sum of their resident sets.
     */
    private static long postgresPssKb(java.time.Instant started) {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/postgres"))
                .filter(p -> p.info().startInstant().map(s -> s.isAfter(started)).orElse(false))
                .mapToLong(p -> kb(p.pid(), "smaps_rollup", "Pss:")).sum();
    }

    /**
     * Waits for the demo data and the start-up's warm-up («Pages warmed» in the log), then signs in as each of the
     * four roles and visits every page it reaches by links ({@code DemoPages}), each {@link #VISITS} times in a row.
     */
    private static Pages walk(Path log, long t0, int port, Process mvn, java.time.Instant started) throws Exception {
        while (!Files.readString(log).contains("Pages warmed")) {
            if (!mvn.isAlive() || System.nanoTime() - t0 > Duration.ofMinutes(6).toNanos()) {
                throw new IllegalStateException("no warm-up within 6 minutes; see " + log);
            }
            EngineOverhead.pause(500);
        }
        double warm = (System.nanoTime() - t0) / 1e9;
        List<Double> all = new java.util.ArrayList<>();
        java.util.Map<String, Double> worst = new java.util.HashMap<>();
        int pages = 0;
        int failures = 0;
        for (String role : ROLES) {
            var user = no.siva.programflyt.demo.DemoPages.signedIn("http://localhost:" + port, role, "demo");
            List<String> paths = user.crawl(400, (path, status) -> { });
            pages += paths.size();
            for (String path : paths) {
                List<Double> times = new java.util.ArrayList<>();
                for (int i = 0; i < VISITS; i++) {
                    long t = System.nanoTime();
                    int status = user.get(path).statusCode();
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (status >= 500) {
                        failures++;
                    }
                    times.add(ms);
                    all.add(ms);
                }
                times.sort(null);
                worst.merge(role + " " + path, times.get(times.size() / 2), Math::max);
            }
        }
        all.sort(null);
        List<String> slowest = worst.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(5).map(e -> String.format("%s %.0f ms", e.getKey(), e.getValue())).toList();
        return new Pages(warm, pages, all.size(), failures, pct(all, 0.50), pct(all, 0.95), pct(all, 0.99), slowest,
                appRssKb(mvn) / 1024, postgresPssKb(started) / 1024);
    }

    private static double pct(List<Double> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** SIGTERM to the application first (its shutdown stops the embedded PostgreSQL), then to Maven. */
    private static void stop(Process mvn) throws InterruptedException {
        List<ProcessHandle> all = mvn.descendants().toList();
        all.stream().filter(p -> p.info().commandLine().orElse("").contains("java")).forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            p.onExit().completeOnTimeout(p, 60, java.util.concurrent.TimeUnit.SECONDS).join();
        }
        mvn.destroy();
        if (!mvn.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            mvn.destroyForcibly();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static long rssKb(long pid) {
        return kb(pid, "status", "VmRSS:");
    }

    /** A kB field of a file under /proc/{pid}; 0 when the process has ended. */
    private static long kb(long pid, String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/" + file))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended meanwhile
        }
        return 0;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
