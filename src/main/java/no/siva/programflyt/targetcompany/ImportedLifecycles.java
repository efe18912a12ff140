package no.siva.programflyt.targetcompany;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.siva.programflyt.shared.AfterCommit;
import no.siva.programflyt.shared.EngineCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the lifecycles of imported target companies in the background, once the import has committed: the import
 * answers when its rows are saved, not after thousands of engine round trips (bench/README.md). The commands are sent
 * {@link #IN_FLIGHT} at a time, and each chunk's keys are recorded before the next. A company gets exactly one
 * lifecycle: its key is recorded only where none is, and an instance that loses (two application instances catching
 * up at once) is cancelled. Whatever a crash or an engine outage leaves unstarted is started at the next start.
 */
@Component
public class ImportedLifecycles {

    private static final Logger log = LoggerFactory.getLogger(ImportedLifecycles.class);
    private static final int IN_FLIGHT = 32;

    private final TargetCompanyRepository companies;
    private final CamundaClient client;
    private final EngineCommands commands;
    private final TransactionTemplate tx;
    private final ExecutorService starter = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
            .name("imported-lifecycles").factory());

    public ImportedLifecycles(TargetCompanyRepository companies, CamundaClient client, EngineCommands commands,
                              TransactionTemplate tx) {
        this.companies = companies;
        this.client = client;
        this.commands = commands;
        this.tx = tx;
    }

    /** After the caller's transaction commits: start the lifecycles of these (just imported) companies. */
    public void startAfterCommit(List<Long> ids) {
        AfterCommit.run(() -> starter.submit(() -> start(ids)));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void catchUp() {
        starter.submit(() -> start(companies.findActiveWithoutLifecycle()));
    }

    /** Starts the lifecycles, {@link #IN_FLIGHT} commands at a time, and returns how many were started here. */
    int start(List<Long> ids) {
        int started = 0;
        for (int from = 0; from < ids.size(); from += IN_FLIGHT) {
            started += startChunk(companies.findAllById(ids.subList(from, Math.min(ids.size(), from + IN_FLIGHT))));
        }
        if (!ids.isEmpty()) {
            log.info("Started {} of {} imported target companies' lifecycles", started, ids.size());
        }
        return started;
    }

    private int startChunk(List<TargetCompany> rows) {
        List<CompletableFuture<ProcessInstanceEvent>> sent = new ArrayList<>();
        for (TargetCompany c : rows) {
            sent.add(client.newCreateInstanceCommand().bpmnProcessId(TargetCompanyService.PROCESS_ID).latestVersion()
                    .variables(Map.of("caseId", c.getId(), "businessKey", c.getOrgNumber(), "operatorId",
                            c.getOperatorId(), "operatorGroup", List.of("operator-" + c.getOperatorId()), "admitted", true))
                    .startBeforeElement("aktivt-ar").send().toCompletableFuture());
        }
        int started = 0;
        for (int i = 0; i < rows.size(); i++) {
            long id = rows.get(i).getId();
            try {
                long key = sent.get(i).join().getProcessInstanceKey();
                Integer recorded = tx.execute(s -> companies.recordLifecycle(id, key));
                if (recorded != null && recorded == 1) {
                    started++;
                } else {
                    commands.cancelIfPresent(key);
                }
            } catch (RuntimeException e) {
                log.warn("Lifecycle of imported target company {} not started (started at the next start-up): {}", id,
                        e.getMessage());
            }
        }
        return started;
    }

    @PreDestroy
    void stop() {
        starter.shutdownNow();
    }
}
