package no.siva.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import no.siva.programflyt.security.AppUserDetailsService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.targetcompany.ExitReason;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyService;
import no.siva.programflyt.tasks.TaskService;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.springframework.context.ApplicationContext;

/**
 * Figure 1: complete target-company lifecycles per second, from registration through needs mapping, eligibility,
 * self-declaration, agreement, the portal registration, the first active year and an early exit to the exit's
 * portal registration (the exit survey's timer months later is not waited for). Real: our services, task list and
 * workers on the application's engine. Floor: the same three BPMN files on a second in-memory engine of the same
 * kind, with workers that complete every job at once with the variables the gateways need.
 */
final class EngineOverhead {

    static final String USER_TASK = no.siva.programflyt.tasks.UserTaskWorker.JOB_TYPE;
    static final List<String> PROCESSES = List.of("target-company-lifecycle.bpmn", "target-company-admission.bpmn",
            "target-company-active-year.bpmn");
    private static final ZoneId OSLO = no.siva.programflyt.shared.Formats.OSLO;

    /** {@code cpuSeconds}: the JVM's CPU time during the measured lifecycles (the floor's, in its own JVM). */
    record Throughput(int lifecycles, double seconds, double cpuSeconds) {
        double perSecond() {
            return lifecycles / seconds;
        }
    }

    private EngineOverhead() {
    }

    // ---- real: the application ------------------------------------------------------------------------------

    static Throughput real(ApplicationContext app, long operatorId, String staff, int lifecycles, int concurrency) {
        TargetCompanyService companies = app.getBean(TargetCompanyService.class);
        TaskService tasks = app.getBean(TaskService.class);
        UserTaskRepository rows = app.getBean(UserTaskRepository.class);
        CurrentUser user = (CurrentUser) app.getBean(AppUserDetailsService.class).loadUserByUsername(staff);
        return timed(lifecycles, concurrency, i -> {
            String org = NationalData.orgNumber();
            TargetCompany c = companies.register(user, operatorId, org, "Livsløp " + org + " AS", "post@mb.example.no");
            LocalDate start = LocalDate.now(OSLO);
            complete(tasks, user, await(rows, c.getId(), "kartlegge-behov"), mapping());
            complete(tasks, user, await(rows, c.getId(), "egenerklaering"), selfDeclaration(start));
            complete(tasks, user, await(rows, c.getId(), "avtale-og-plan"), agreement(start));
            complete(tasks, user, await(rows, c.getId(), "registrere-opptak-portal"), Map.of("registrert", "true"));
            await(rows, c.getId(), "utviklingssamtale");
            companies.requestExit(user, c.getId(), ExitReason.EARLY_TERMINATION, start);
            complete(tasks, user, await(rows, c.getId(), "registrere-exit-portal"), Map.of("registrert", "true"));
        });
    }

    private static UserTask await(UserTaskRepository rows, long caseId, String element) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            for (UserTask t : rows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(TargetCompanyService.CASE_TYPE, caseId)) {
                if (t.isOpen() && t.getElementId().equals(element)) {
                    return t;
                }
            }
            pause(25);
        }
        throw new IllegalStateException("no task " + element + " for case " + caseId);
    }

    private static void complete(TaskService tasks, CurrentUser user, UserTask task, Map<String, String> values) {
        Map<String, List<String>> input = new HashMap<>();
        values.forEach((k, v) -> input.put(k, List.of(v)));
        if (!tasks.complete(user, task.getId(), input, java.util.Locale.forLanguageTag("nb")).valid()) {
            throw new IllegalStateException("form refused for " + task.getElementId());
        }
    }

    static Map<String, String> mapping() {
        return Map.of("behov", "Hjelp med markedsføring og eksport.", "utviklingslop", "Første eksportmarked.",
                "arsverk", "6", "omsetning", "8 000 000", "balanse", "4 000 000", "regnskapsar",
                Integer.toString(LocalDate.now(OSLO).getYear() - 1), "smbForrigeAr", "ja", "aksjekapital", "100000",
                "egenkapital", "900000");
    }

    static Map<String, String> selfDeclaration(LocalDate signed) {
        return Map.of("bekreftSmb", "true", "kategori", "uavhengig", "bekreftIkkeVansker", "true", "bekreftIngenKrav",
                "true", "annenStotte", "nei", "signertDato", signed.toString(), "signertAv", "Kari Daglig Leder");
    }

    static Map<String, String> agreement(LocalDate start) {
        Map<String, String> a = new HashMap<>(Map.of("avtalestart", start.toString(), "avtaleslutt",
                start.plusYears(3).toString(), "omfang", "Rådgivning en til en", "mal", "Eksport", "tjenester",
                "Markedsrådgivning", "revisjonsdato", start.plusMonths(6).toString(), "stotteintensitet", "60"));
        a.put("ktuNavn", "Kari");
        a.put("ktuEpost", "kari@mb.example.no");
        a.put("innvilgetStotte", "500000");
        return a;
    }

    // ---- floor: the same BPMN, no-op workers ------------------------------------------------------------------

    /** Runs {@code warmUp} lifecycles, then measures {@code lifecycles} more, on one fresh engine. */
    static Throughput floor(Path processes, int warmUp, int lifecycles, int concurrency) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ZeebeTestEngine engine = EngineFactory.create(port);
        engine.start();
        List<JobWorker> workers = new ArrayList<>();
        try (CamundaClient client = CamundaClient.newClientBuilder().preferRestOverGrpc(false)
                .grpcAddress(URI.create("http://" + engine.getGatewayAddress())).defaultRequestTimeout(Duration.ofSeconds(60))
                .build()) {
            io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2 deploy = client.newDeployResourceCommand().addResourceFile(processes.resolve(PROCESSES.get(0)).toString());
            for (String f : PROCESSES.subList(1, PROCESSES.size())) {
                deploy = deploy.addResourceFile(processes.resolve(f).toString());
            }
            try (var forms = java.nio.file.Files.list(processes.resolveSibling("forms"))) {
                for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                    deploy = deploy.addResourceFile(form.toString());   // the user tasks' linked forms, as the app deploys
                }
            }
            deploy.send().join();
            Map<Long, CountDownLatch> done = new ConcurrentHashMap<>();
            String today = LocalDate.now(OSLO).toString();
            workers.add(worker(client, "targetcompany.check-eligibility", (c, j) -> c.newCompleteCommand(j)
                    .variables(Map.of("eligibility", "ELIGIBLE")).send().join()));
            workers.add(worker(client, "targetcompany.admitted", (c, j) -> c.newCompleteCommand(j)
                    .variables(Map.of("admitted", true, "registerByAt", at(LocalDate.now(OSLO).plusMonths(2)))).send().join()));
            workers.add(worker(client, "targetcompany.plan-year", (c, j) -> c.newCompleteCommand(j).variables(Map.of(
                    "yearEndAt", at(LocalDate.now(OSLO).plusYears(1)), "dialogueDueAt", at(LocalDate.now(OSLO).plusMonths(11)),
                    "renewalThisYear", false, "renewalReminderAt", at(LocalDate.now(OSLO)), "renewalDueAt",
                    at(LocalDate.now(OSLO)), "agreementOver", false, "bankrupt", false)).send().join()));
            workers.add(worker(client, "targetcompany.exit", (c, j) -> c.newCompleteCommand(j).variables(Map.of(
                    "exitRegisterByAt", at(LocalDate.now(OSLO).plusMonths(2)), "exitSurveyAt",
                    at(LocalDate.now(OSLO).plusMonths(3)))).send().join()));
            workers.add(worker(client, USER_TASK, (c, j) -> {
                long caseId = ((Number) j.getVariablesAsMap().get("caseId")).longValue();
                switch (j.getElementId()) {
                    // the first year is interrupted by the operator's exit, as in the real run
                    case "utviklingssamtale" -> client.newPublishMessageCommand().messageName("malbedrift-exit")
                            .correlationKey(Long.toString(caseId)).timeToLive(Duration.ofMinutes(10))
                            .variables(Map.of("exitReason", "EARLY_TERMINATION", "exitDate", today)).send().join();
                    case "registrere-exit-portal" -> {
                        c.newCompleteCommand(j).variables(Map.of("registrert", true)).send().join();
                        done.get(caseId).countDown();
                    }
                    default -> c.newCompleteCommand(j).variables(formLike(j.getElementId(), today)).send().join();
                }
            }));
            AtomicLong ids = new AtomicLong(1);
            Lifecycle one = i -> {
                long caseId = ids.getAndIncrement();
                CountDownLatch latch = new CountDownLatch(1);
                done.put(caseId, latch);
                String org = NationalData.orgNumber();
                client.newCreateInstanceCommand().bpmnProcessId("target-company-lifecycle").latestVersion()
                        .variables(Map.of("caseId", caseId, "businessKey", org, "operatorId", 1,
                                "operatorGroup", List.of("operator-1"))).send().join();
                try {
                    if (!latch.await(120, TimeUnit.SECONDS)) {
                        var records = io.camunda.zeebe.process.test.filters.RecordStream.of(engine.getRecordStreamSource());
                        records.incidentRecords().forEach(r -> System.out.println("incident: " + r.getValue()));
                        throw new IllegalStateException("floor lifecycle " + caseId + " did not finish");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            timed(warmUp, concurrency, one);
            double cpu = NationalBenchmark.cpuSeconds();
            Throughput measured = timed(lifecycles, concurrency, one);
            return new Throughput(measured.lifecycles(), measured.seconds(), NationalBenchmark.cpuSeconds() - cpu);
        } finally {
            workers.forEach(JobWorker::close);
            engine.stop();
        }
    }

    interface Handler {
        void handle(JobClient client, ActivatedJob job);
    }

    /**
     * A worker with the application's dev defaults (application-dev.yml): jobs streamed to it as they are created, a
     * poll every 10 s as the backup, 32 jobs at a time, one thread per client.
     */
    private static JobWorker worker(CamundaClient client, String type, Handler handler) {
        return client.newWorker().jobType(type).handler(handler::handle).timeout(Duration.ofMinutes(5))
                .maxJobsActive(32).streamEnabled(true).pollInterval(Duration.ofSeconds(10)).fetchVariables("caseId")
                .open();
    }

    private static Map<String, Object> formLike(String element, String today) {
        Map<String, Object> v = new HashMap<>();
        switch (element) {
            case "kartlegge-behov" -> v.putAll(mapping());
            case "egenerklaering" -> v.putAll(selfDeclaration(LocalDate.parse(today)));
            case "avtale-og-plan" -> v.putAll(agreement(LocalDate.parse(today)));
            default -> v.put("registrert", true);
        }
        return v;
    }

    private static String at(LocalDate d) {
        return no.siva.programflyt.shared.Formats.iso(d, 0, 0);
    }

    // ---- both -----------------------------------------------------------------------------------------------

    interface Lifecycle {
        void run(int i) throws Exception;
    }

    /** Runs the lifecycles on {@code concurrency} threads, each starting the next as soon as its last one ended. */
    private static Throughput timed(int lifecycles, int concurrency, Lifecycle lifecycle) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong next = new AtomicLong();
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int k = 0; k < concurrency; k++) {
            running.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < lifecycles; i = next.getAndIncrement()) {
                    lifecycle.run((int) i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("lifecycle failed", e);
        } finally {
            pool.shutdownNow();
        }
        return new Throughput(lifecycles, (System.nanoTime() - t0) / 1e9, Double.NaN);
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
