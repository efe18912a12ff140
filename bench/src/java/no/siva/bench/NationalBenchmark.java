package no.siva.bench;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import no.siva.programflyt.ProgramflytApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national benchmark (bench/README.md): {@code mvn -Pbench verify}. Prints each figure beside its floor and the
 * goal, and writes the same lines to target/bench-results.txt.
 */
public final class NationalBenchmark {

    private static final List<String> out = new ArrayList<>();
    private static final Duration PHASE = Duration.ofSeconds(20);
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration PROFILE = Duration.ofSeconds(8);
    private static final int USERS = 20;
    private static final int IMPORT_ROWS = 5_000;
    private static final int COMPLETION_POOL = 600;
    private static final Duration LIFECYCLE_WAIT = Duration.ofSeconds(90);
    private static final int LIFECYCLES = 48;
    private static final int WARM_UP_LIFECYCLES = 16;
    private static final int CONCURRENCY = 8;

    private NationalBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);   // the application's threads would keep a failed run alive
        }
    }

    private static void run(String[] args) throws Exception {
        long begun = System.nanoTime();
        Path project = Path.of("").toAbsolutePath();
        print("Programflyt national benchmark, " + ZonedDateTime.now().withNano(0));
        print("Machine: " + Machine.describe());
        if (args.length > 0 && args[0].equals("floor")) {
            // in a JVM of its own: two in-memory engines in one JVM corrupt each other's records
            EngineOverhead.Throughput f = EngineOverhead.floor(project.resolve("processes"), WARM_UP_LIFECYCLES, LIFECYCLES,
                    CONCURRENCY);
            System.out.println("FLOOR " + f.lifecycles() + " " + f.seconds() + " " + f.cpuSeconds());
            return;
        }
        if (args.length > 1 && args[0].equals("engine")) {
            // the load run's engine, in a JVM of its own as a Zeebe cluster would be: the heap measured is the app's
            ZeebeTestEngine engine = EngineFactory.create(Integer.parseInt(args[1]));
            engine.start();
            System.out.println("ENGINE READY");
            while (System.in.read() >= 0) {
                // runs until the benchmark closes our input
            }
            engine.stop();
            return;
        }
        String mode = args.length == 0 ? "all" : args[0];
        boolean all = mode.equals("all");   // "tasks": the task list only, for profiling it; "load": the load run
        StartUp.Result start = all ? StartUp.measure(project) : null;
        EngineOverhead.Throughput floor = all ? floorInOwnJvm(project) : null;
        if (all) {
            print(String.format("5. Start-up: %.1f s from `mvn spring-boot:run` to the first page (goal <= 15 s: %s); "
                    + "resident memory then: application JVM %d MB (RSS), embedded PostgreSQL %d MB (PSS), Maven's JVM "
                    + "%d MB: %d MB together", start.seconds(), start.seconds() <= 15 ? "met" : "NOT met", start.appRssMb(),
                    start.postgresRssMb(), start.mavenRssMb(), start.appRssMb() + start.postgresRssMb() + start.mavenRssMb()));
            StartUp.Pages pages = start.pages();
            print(String.format("6. Pages of the one-command run (demo data, warmed at start-up by %.0f s): %d pages of the "
                    + "roles %s, each visited %d times by one user: %d requests, %d failed, p50 %.1f ms, p95 %.1f ms, "
                    + "p99 %.1f ms (goal p95 <= 150 ms: %s); memory then: application JVM %d MB, PostgreSQL %d MB",
                    pages.warmSeconds(), pages.pages(), String.join(", ", StartUp.ROLES), StartUp.VISITS,
                    pages.requests(), pages.failures(), pages.p50(), pages.p95(), pages.p99(),
                    pages.p95() <= 150 && pages.failures() == 0 ? "met" : "NOT met", pages.appRssMb(), pages.postgresRssMb()));
            print("   slowest pages (median of their visits): " + String.join("; ", pages.slowest()));
        }

        int port = StartUp.freePort();
        int enginePort = StartUp.freePort();
        boolean load = mode.equals("load");
        Process externalEngine = load ? engineInOwnJvm(project, enginePort) : null;
        // the dev profile's one-command run, on ports of its own, without the demo cases, templates cached as in production
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ProgramflytApplication.class, BenchPing.class)
                .profiles("dev").run("--server.port=" + port, "--programflyt.embedded-engine.port=" + enginePort,
                        "--programflyt.embedded-engine.enabled=" + !load,
                        "--camunda.client.grpc-address=http://127.0.0.1:" + enginePort, "--programflyt.demo.cases=false",
                        "--spring.thymeleaf.cache=true", "--logging.level.root=WARN", "--logging.level.no.siva=WARN")) {
            String base = "http://localhost:" + port;
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long t = System.nanoTime();
            List<Long> operators = NationalData.generate(jdbc);
            print(String.format("Data set: %d operators, %d target companies (%d active), %d aid ledger lines, %d audit "
                    + "events, %d open tasks, %d overview rows; written in %.1f s", NationalData.count(jdbc, "operator"),
                    NationalData.count(jdbc, "target_company"), NationalData.ACTIVE,
                    NationalData.count(jdbc, "aid_ledger_line"), NationalData.count(jdbc, "audit_event"),
                    NationalData.count(jdbc, "user_task"), NationalData.count(jdbc, "case_state"), seconds(t)));

            if (load) {
                if (!LoadRun.run(app, base, NationalBenchmark::print)) {
                    throw new IllegalStateException("the load run failed");
                }
            } else {
                if (all) {
                    engineOverhead(app, floor, operators.get(0));
                }
                taskList(app, base, jdbc);
                if (all) {
                    overviewAndExport(base);
                    importRows(base, jdbc);
                }
            }
        }
        if (externalEngine != null) {
            externalEngine.getOutputStream().close();
            externalEngine.waitFor();
        }
        print(String.format("Total: %.0f s", seconds(begun)));
        Files.write(project.resolve("target/bench-results.txt"), out, StandardCharsets.UTF_8);
    }

    // ---- 1. engine overhead ---------------------------------------------------------------------------------

    /**
     * An in-memory engine in a child JVM with the same class path, ready when this returns. It ends when its input
     * closes, which also happens when this JVM exits on a failure.
     */
    private static Process engineInOwnJvm(Path project, int port) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx4g",
                "-Duser.timezone=Europe/Oslo", "-cp", System.getProperty("java.class.path"), NationalBenchmark.class.getName(),
                "engine", String.valueOf(port)).directory(project.toFile()).redirectErrorStream(true).start();
        var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.equals("ENGINE READY")) {
                Thread.ofPlatform().daemon().start(() -> lines.lines().forEach(l -> { }));   // keep its output drained
                return p;
            }
        }
        throw new IllegalStateException("the engine's JVM ended before it was ready");
    }

    /** The floor, measured before the application starts, in a JVM of its own with the same class path. */
    private static EngineOverhead.Throughput floorInOwnJvm(Path project) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Duser.timezone=Europe/Oslo", "-cp", System.getProperty("java.class.path"), NationalBenchmark.class.getName(),
                "floor").directory(project.toFile()).redirectErrorStream(true).start();
        String result = null;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("FLOOR ")) {
                    result = line;
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the floor run failed");
        }
        String[] f = result.split(" ");
        return new EngineOverhead.Throughput(Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]));
    }

    private static void engineOverhead(ConfigurableApplicationContext app, EngineOverhead.Throughput floor, long operatorId) {
        EngineOverhead.real(app, operatorId, "bench-0", WARM_UP_LIFECYCLES, CONCURRENCY);
        double cpu = cpuSeconds();
        double dbCpu = postgresCpuSeconds();
        EngineOverhead.Throughput real = EngineOverhead.real(app, operatorId, "bench-0", LIFECYCLES, CONCURRENCY);
        double appCpu = cpuSeconds() - cpu;
        double pgCpu = postgresCpuSeconds() - dbCpu;
        List<String> profile;
        try (Sampler sampler = new Sampler()) {   // a pass of its own: the sampler's pauses would slow the measured one
            EngineOverhead.real(app, operatorId, "bench-0", WARM_UP_LIFECYCLES, CONCURRENCY);
            profile = sampler.report(8);
        }
        double ratio = real.perSecond() / floor.perSecond();
        print(String.format("1. Engine overhead: %d lifecycles, %d at a time: real %.2f/s (%.1f s), floor %.2f/s (%.1f s); "
                + "ratio %.2f (goal >= 0.8: %s)", LIFECYCLES, CONCURRENCY, real.perSecond(), real.seconds(),
                floor.perSecond(), floor.seconds(), ratio, ratio >= 0.8 ? "met" : "NOT met"));
        print(String.format("   CPU per lifecycle: real %.0f ms in the JVM (engine and application) + %.0f ms in PostgreSQL, "
                + "floor %.0f ms (engine only); %d cores", 1000 * appCpu / LIFECYCLES, 1000 * pgCpu / LIFECYCLES,
                1000 * floor.cpuSeconds() / LIFECYCLES, Runtime.getRuntime().availableProcessors()));
        profile.forEach(NationalBenchmark::print);
    }

    static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    private static double postgresCpuSeconds() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/postgres"))
                .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0)).sum();
    }

    // ---- 2. task list ------------------------------------------------------------------------------------------

    /** Rows of the import CSV for {@code n} new companies of the importing operator. */
    private static byte[] importFile(int n) {
        StringBuilder csv = new StringBuilder("organisasjonsnummer;navn;e-post;opptaksdato;avtalestart;avtaleslutt;"
                + "støtteintensitet;ktu-navn;ktu-epost\n");
        LocalDate start = LocalDate.now().minusMonths(2);
        for (int i = 0; i < n; i++) {
            csv.append(NationalData.orgNumber()).append(";Importert ").append(i).append(" AS;post").append(i)
                    .append("@imp.example.no;").append(start).append(';').append(start).append(';')
                    .append(start.plusYears(3)).append(";60;Kari;kari").append(i).append("@imp.example.no\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void taskList(ConfigurableApplicationContext app, String base, JdbcTemplate jdbc) throws Exception {
        // tasks the engine really holds, to complete: a first import whose first-year dialogues open before the load
        Session importer = Session.signedIn(base, "bench-0", "demo");
        if (importer.postMultipart("/target-companies/import", Map.of(), "file", "pool.csv", importFile(COMPLETION_POOL))
                .status() != 302) {
            throw new IllegalStateException("the pool import was refused");
        }
        long pooled = awaitOpenTasks(jdbc, COMPLETION_POOL, Duration.ofMinutes(3));
        List<Session> readers = IntStream.rangeClosed(1, USERS)
                .mapToObj(k -> Session.signedIn(base, "bench-op-" + k, "demo")).toList();
        List<Session> workers = IntStream.range(0, USERS).mapToObj(k -> Session.signedIn(base, "bench-" + k, "demo")).toList();
        Load.Step ping = (s, u, i) -> s.get("/bench/ping").status() == 200;
        Load.Step inbox = (s, u, i) -> s.get("/tasks").status() == 200;
        Load.run("warm-up", readers, WARM_UP, ping);
        Load.run("warm-up", readers, WARM_UP, inbox);
        Load.Result floor = Load.run("trivial authenticated page", readers, PHASE, ping);
        Load.Result tasks = Load.run("inbox (/tasks)", readers, PHASE, inbox);
        List<String> inboxProfile;
        try (Sampler sampler = new Sampler()) {   // profiled apart from the measured phase
            Load.run("inbox, profiled", readers, PROFILE, inbox);
            inboxProfile = sampler.report(8);
        }
        long inboxRows = jdbc.queryForObject("select count(*) from user_task where state = 'OPEN' and candidate_groups = "
                + "(select 'operator-' || operator_id from app_user where username = 'bench-op-1')", Long.class);

        List<Long> pool = jdbc.queryForList("select id from user_task where state = 'OPEN' and job_key > 0 and element_id = "
                + "'utviklingssamtale' order by id", Long.class);
        Map<String, String> dialogue = Map.of("samtaledato", LocalDate.now().toString(), "srl", "4",
                "behovNeste", "Mer eksport.");
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Load.Step complete = (s, u, i) -> {
            int index = next.getAndIncrement();
            if (index >= pool.size()) {
                throw new Load.Done();   // every task of the pool completed: this user stops
            }
            long id = pool.get(index);
            Session.Reply reply = s.post("/tasks/" + id + "/complete", dialogue);
            return reply.status() == 302 && reply.location() != null && !reply.location().endsWith("/tasks/" + id);
        };
        Load.Result completion;
        String connections;
        try (PoolWatch watch = new PoolWatch(app)) {
            completion = Load.run("task completion", workers, PHASE, complete);
            connections = watch.line();
        }
        List<String> completionProfile;
        try (Sampler sampler = new Sampler()) {
            Load.run("completion, profiled", workers, PROFILE, complete);
            completionProfile = sampler.report(8);
        }
        print("2. Task list, " + USERS + " users at once, " + PHASE.toSeconds() + " s each (an operator's inbox holds "
                + inboxRows + " open tasks; " + pooled + " engine-held tasks to complete):");
        print("   " + floor.line());
        print("   " + tasks.line());
        print("   " + completion.line());
        print("   during the completions: " + connections);
        print(String.format("   completion p95 %.0f ms (goal <= 300 ms, 0 errors, no request waiting for a connection: see "
                + "the pool's line above): %s", completion.p95(), completion.p95() <= 300 && completion.errors() == 0
                ? "met for time and errors" : "NOT met"));
        print(String.format("   ratios to the trivial page: inbox p50 %.1f, p95 %.1f, p99 %.1f; completion p50 %.1f, p95 %.1f, "
                + "p99 %.1f (goal: inbox p95 <= 50 ms and ratio <= 3: %s)", tasks.p50() / floor.p50(),
                tasks.p95() / floor.p95(), tasks.p99() / floor.p99(), completion.p50() / floor.p50(),
                completion.p95() / floor.p95(), completion.p99() / floor.p99(),
                tasks.p95() <= 50 && tasks.p95() / floor.p95() <= 3 ? "met" : "NOT met"));
        // the inbox's own query (the first page and its count), as PostgreSQL runs it for an operator's staff
        var staff = (no.siva.programflyt.security.CurrentUser) app.getBean(
                no.siva.programflyt.security.AppUserDetailsService.class).loadUserByUsername("bench-op-1");
        app.getBean(no.siva.programflyt.tasks.TaskService.class)
                .inboxPlan(staff, no.siva.programflyt.tasks.TaskQuery.of("groups", null, null, null, null),
                        app.getBean(java.time.Clock.class).instant())
                .stream().filter(l -> l.contains("Scan") || l.contains("Execution Time") || l.contains("Rows Removed"))
                .forEach(l -> print("   EXPLAIN inbox page: " + l.trim()));
        print("   inbox:");
        inboxProfile.forEach(NationalBenchmark::print);
        print("   completion:");
        completionProfile.forEach(NationalBenchmark::print);
    }

    // ---- 4. import ------------------------------------------------------------------------------------------

    private static void importRows(String base, JdbcTemplate jdbc) {
        Session importer = Session.signedIn(base, "bench-0", "demo");
        byte[] file = importFile(IMPORT_ROWS);
        long before = started(jdbc);
        long t = System.nanoTime();
        Session.Reply r = importer.postMultipart("/target-companies/import", Map.of(), "file", "import.csv", file);
        double importSeconds = seconds(t);
        if (r.status() != 302 || r.location() == null || !r.location().endsWith("/target-companies")) {
            throw new IllegalStateException("import refused: " + r.status() + " " + r.location());
        }
        // the lifecycles start in the background: how far they got within LIFECYCLE_WAIT
        long deadline = System.nanoTime() + LIFECYCLE_WAIT.toNanos();
        long startedNow = 0;
        while (System.nanoTime() < deadline && (startedNow = started(jdbc) - before) < IMPORT_ROWS) {
            EngineOverhead.pause(500);
        }
        double lifecycleSeconds = seconds(t);
        print(String.format("4. Import: %d rows (%,d bytes) validated and saved in %.2f s = %.0f rows/s; their lifecycles, "
                + "started in the background: %d after %.0f s (%.0f/s)", IMPORT_ROWS, file.length, importSeconds,
                IMPORT_ROWS / importSeconds, startedNow, lifecycleSeconds, startedNow / lifecycleSeconds));
    }

    private static long started(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from target_company where process_instance_key is not null", Long.class);
    }

    private static long awaitOpenTasks(JdbcTemplate jdbc, int expected, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long n = 0;
        while (System.nanoTime() < deadline) {
            n = jdbc.queryForObject("select count(*) from user_task where state = 'OPEN' and job_key > 0 "
                    + "and element_id = 'utviklingssamtale'", Long.class);
            if (n >= expected) {
                return n;
            }
            EngineOverhead.pause(250);
        }
        return n;
    }

    // ---- 3. overview and export -------------------------------------------------------------------------------

    private static void overviewAndExport(String base) {
        Session leader = Session.signedIn(base, "prosjektleder", "demo");
        for (String path : List.of("/overview", "/overview?type=TARGET_COMPANY&state=all&page=200")) {
            Load.sequential(10, i -> leader.get(path).status() == 200);
            long[] t = Load.sequential(100, i -> leader.get(path).status() == 200);
            print(String.format("3. Overview %s as project leader, 100 requests one after another: p50 %.1f ms, p95 %.1f ms",
                    path, Load.pct(t, 50), Load.pct(t, 95)));
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (String path : List.of("/overview/export.csv?type=TARGET_COMPANY&state=all", "/target-companies.csv")) {
            long before = heapAfterGc();
            long allocated = threads.getTotalThreadAllocatedBytes();
            long t = System.nanoTime();
            Session.Reply r = leader.download(path);
            double s = seconds(t);
            allocated = threads.getTotalThreadAllocatedBytes() - allocated;
            print(String.format("3. Export %s: HTTP %d, %,d bytes in %.2f s; %d MB allocated meanwhile (all threads, the "
                    + "engine's polls included); heap after GC %d MB before, %d MB after", path, r.status(), r.bytes(), s,
                    allocated >> 20, before >> 20, heapAfterGc() >> 20));
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void print(String line) {
        System.out.println(line);
        out.add(line);
    }
}
