package no.siva.programflyt.overview;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code case_state}, one row per case of every process, from the audit trail's events: each worker step and
 * each task completion writes an entry, and after its commit the case's row is refreshed from its module (stage,
 * title, county, operator, started/ended) in a transaction of its own. It never polls the engine.
 *
 * <p>Progress: an event counts as the case's last event unless it only reminds, escalates, queues an e-mail or
 * moves a task between people (those would hide a case that is stuck). Followers (a round's county parts, an
 * operator's target companies and reporting years) are refreshed with their leader's events, but their last event
 * moves only when their own stage changes, and no other case's text is copied onto them. A refresh that fails is
 * logged; rows missing at start (a refresh lost to a crash) are filled in the background.
 *
 * <p>The refresh runs on a thread of its own ({@code programflyt.overview.refresh: async}, the default): after a
 * commit the committing transaction still holds its pooled connection, so a refresh in line needed a second one,
 * and 20 task completions at once on a pool of 10 each held one connection while waiting for another until the pool
 * timed out (bench/README.md). The tests refresh in line ({@code sync}), so that they can read the row at once.
 */
@Component
class CaseStateProjection {

    private static final Logger log = LoggerFactory.getLogger(CaseStateProjection.class);

    /** Audit actions that are not progress of the case. */
    static final Set<String> NOT_PROGRESS = Set.of("NOTIFICATION_QUEUED", "TASK_CLAIMED", "TASK_UNCLAIMED", "TASK_ASSIGNED",
            "ESCALATED", "FOLLOW_UP_ESCALATED", "DIFF_STEP_LATE", "RENEWAL_REMINDED");

    private final CaseDirectory cases;
    private final CaseStates states;
    private final TransactionTemplate tx;

    /** Null: refresh in line (tests). */
    private final ExecutorService refresher;

    private final Clock clock;

    public CaseStateProjection(Clock clock, CaseDirectory cases, CaseStates states, PlatformTransactionManager transactions,
                               @Value("${programflyt.overview.refresh:async}") String mode) {
        this.clock = clock;
        this.cases = cases;
        this.states = states;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.refresher = "sync".equals(mode) ? null : Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("overview-refresh").factory());
    }

    /** At shutdown the refreshes still queued are done (for up to 10 s) rather than dropped. */
    @PreDestroy
    void drain() throws InterruptedException {
        if (refresher != null) {
            refresher.shutdown();
            refresher.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void on(AuditService.CaseEventRecorded e) {
        if (refresher == null) {
            apply(e);
        } else {
            refresher.execute(() -> apply(e));
        }
    }

    private void apply(AuditService.CaseEventRecorded e) {
        boolean progress = !NOT_PROGRESS.contains(e.action());
        safely(e.caseType(), e.caseId(), () -> refresh(e.caseType(), e.caseId(), progress ? e.summary() : null,
                progress ? e.at() : null, false));
        for (CaseProvider p : cases.providers()) {
            for (Long follower : p.followers(e.caseType(), e.caseId())) {
                safely(p.caseType(), follower, () -> refresh(p.caseType(), follower, null, e.at(), true));
            }
        }
    }

    /** Refreshes one case now (its own transaction). */
    public void refresh(String caseType, long caseId, String lastEvent) {
        safely(caseType, caseId, () -> refresh(caseType, caseId, lastEvent, clock.instant(), false));
    }

    private void safely(String caseType, long caseId, Runnable refresh) {
        try {
            tx.executeWithoutResult(s -> refresh.run());
        } catch (RuntimeException ex) {
            log.warn("Overview not updated for {} {}: {}", caseType, caseId, ex.toString());
        }
    }

    /**
     * Writes the case's row as its module sees it now. {@code at} null keeps the last event's time (a new row gets
     * now); with {@code onStageChange} it moves only when the stage changed. Refreshes of one case are serialised.
     */
    private void refresh(String caseType, long caseId, String lastEvent, Instant at, boolean onStageChange) {
        CaseProvider provider = cases.provider(caseType).orElse(null);
        if (provider == null) {
            return;
        }
        states.lock(caseType, caseId);
        CaseInfo info = provider.find(caseId).orElse(null);
        if (info == null) {
            states.delete(caseType, caseId);
            return;
        }
        states.save(caseType, caseId, provider.mainProcessId(), info, provider.facts(caseId), lastEvent, at, onStageChange,
                clock.instant());
    }

    /** At start, in the background: every case with audit entries but no row yet gets one (and its followers). */
    @EventListener(ApplicationReadyEvent.class)
    public void catchUpInBackground() {
        Thread t = new Thread(() -> {
            try {
                log.info("Overview caught up: {} cases", catchUp());
            } catch (RuntimeException e) {
                log.warn("Overview catch-up stopped: {}", e.toString());
            }
        }, "overview-catch-up");
        t.setDaemon(true);
        t.start();
    }

    public int catchUp() {
        List<Object[]> missing = states.missing();
        int n = 0;
        for (Object[] m : missing) {
            String type = (String) m[0];
            long id = (Long) m[1];
            if (cases.provider(type).isPresent()) {
                safely(type, id, () -> refresh(type, id, null, (Instant) m[2], false));
                n++;
            }
            for (CaseProvider p : cases.providers()) {
                for (Long follower : p.followers(type, id)) {
                    safely(p.caseType(), follower, () -> refresh(p.caseType(), follower, null, (Instant) m[2], true));
                }
            }
        }
        return n;
    }
}
