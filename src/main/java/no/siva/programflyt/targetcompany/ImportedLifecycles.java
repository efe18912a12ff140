package no.siva.programflyt.targetcompany;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.siva.programflyt.shared.AfterCommit;
import no.siva.programflyt.processes.EngineCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the lifecycles of imported target companies in the background, once the import has committed: the import
 * answers when its rows are saved, not after thousands of engine round trips (bench/README.md). One starter at a time
 * across all application instances (a PostgreSQL advisory lock) scans for imported companies without a lifecycle and
 * starts them, {@link #IN_FLIGHT} commands at a time, recording each chunk's keys before the next; it scans again
 * until none is left. An instance that finds the lock taken tries again shortly, so no import waits for a restart.
 * What an engine outage leaves unstarted is started by the next import or start-up. A crash between creating a chunk's
 * instances and recording their keys can leave up to {@link #IN_FLIGHT} lifecycles unrecorded, and the next scan then
 * starts those companies again (the engine cannot be asked by case here without secondary storage).
 */
@Component
class ImportedLifecycles {

    private static final Logger log = LoggerFactory.getLogger(ImportedLifecycles.class);
    private static final int IN_FLIGHT = 32;
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final TargetCompanyRepository companies;
    private final CamundaClient client;
    private final EngineCommands commands;
    private final TransactionTemplate tx;
    private final LifecycleStarterLock lock;
    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .daemon().name("imported-lifecycles").factory());

    public ImportedLifecycles(TargetCompanyRepository companies, CamundaClient client, EngineCommands commands,
                              TransactionTemplate tx, LifecycleStarterLock lock) {
        this.companies = companies;
        this.client = client;
        this.commands = commands;
        this.tx = tx;
        this.lock = lock;
    }

    /** After the caller's transaction commits: start the lifecycles of the companies it imported (and any others). */
    public void startAfterCommit() {
        AfterCommit.run(() -> starter.execute(this::catchUp));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void catchUpInBackground() {
        starter.execute(this::catchUp);
    }

    /**
     * Starts every imported company's missing lifecycle, unless another starter holds the lock (then this one tries
     * again in {@code RETRY}); returns how many this call started.
     */
    int catchUp() {
        int started = 0;
        try (LifecycleStarterLock.Attempt attempt = lock.tryHold()) {
            if (!attempt.held()) {
                starter.schedule(this::catchUp, RETRY.toMillis(), TimeUnit.MILLISECONDS);
                return 0;
            }
            for (List<Long> ids = companies.findActiveWithoutLifecycle(); !ids.isEmpty(); ids = companies
                    .findActiveWithoutLifecycle()) {
                int now = start(ids);
                started += now;
                if (now == 0) {
                    break;   // the engine refuses: the next import or start-up tries again
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Imported target companies' lifecycles not started now (tried again at the next import or start): {}",
                    e.toString());
        }
        return started;
    }

    /** Starts the lifecycles, {@link #IN_FLIGHT} commands at a time, and returns how many were started. */
    private int start(List<Long> ids) {
        int started = 0;
        for (int from = 0; from < ids.size(); from += IN_FLIGHT) {
            started += startChunk(companies.findAllById(ids.subList(from, Math.min(ids.size(), from + IN_FLIGHT))));
        }
        log.info("Started {} of {} imported target companies' lifecycles", started, ids.size());
        return started;
    }

    private int startChunk(List<TargetCompany> rows) {
        List<CompletableFuture<ProcessInstanceEvent>> sent = new ArrayList<>();
        for (TargetCompany c : rows) {
            sent.add(TargetCompanyService.lifecycleStart(client, c, true).send().toCompletableFuture());
        }
        int started = 0;
        for (int i = 0; i < rows.size(); i++) {
            long id = rows.get(i).getId();
            long key;
            try {
                key = sent.get(i).join().getProcessInstanceKey();
            } catch (RuntimeException e) {
                log.warn("Lifecycle of imported target company {} not started: {}", id, e.getMessage());
                continue;
            }
            boolean recorded = false;
            try {
                recorded = Integer.valueOf(1).equals(tx.execute(s -> companies.recordLifecycle(id, key)));
            } finally {
                if (!recorded) {
                    commands.cancelIfPresent(key);   // not recorded: it must not run unrecorded
                }
            }
            if (recorded) {
                started++;
            }
        }
        return started;
    }

    @PreDestroy
    void stop() {
        starter.shutdownNow();
    }
}
