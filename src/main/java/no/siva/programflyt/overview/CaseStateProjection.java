package no.siva.programflyt.overview;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    /** Null: refresh in line (tests). */
    private final ExecutorService refresher;

    private final Clock clock;

    public CaseStateProjection(Clock clock, CaseDirectory cases, JdbcClient jdbc, PlatformTransactionManager transactions,
                               @Value("${programflyt.overview.refresh:async}") String mode) {
        this.clock = clock;
        this.cases = cases;
        this.jdbc = jdbc;
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
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?), hashtext(?))").params(caseType, Long.toString(caseId))
                .query((rs, n) -> 1).list();
        CaseInfo info = provider.find(caseId).orElse(null);
        if (info == null) {
            jdbc.sql("delete from case_state where case_type = ? and case_id = ?").params(caseType, caseId).update();
            return;
        }
        CaseFacts f = provider.facts(caseId);
        String lastAt = at == null ? "case_state.last_event_at"
                : onStageChange ? "case when case_state.stage_key is distinct from excluded.stage_key "
                        + "then excluded.last_event_at else case_state.last_event_at end"
                        : "excluded.last_event_at";
        jdbc.sql("""
                insert into case_state (case_type, case_id, bpmn_process_id, title, business_key, county_code, counties,
                    operator_id, case_year, stage_key, url, started_at, ended_at, last_event_at, last_event,
                    task_case_type, task_case_id, task_county)
                values (?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_type, case_id) do update set bpmn_process_id = excluded.bpmn_process_id,
                    title = excluded.title, business_key = excluded.business_key, county_code = excluded.county_code,
                    counties = excluded.counties, operator_id = excluded.operator_id, case_year = excluded.case_year,
                    stage_key = excluded.stage_key, url = excluded.url, started_at = excluded.started_at,
                    ended_at = excluded.ended_at, last_event_at = """ + lastAt + """
                ,
                    last_event = coalesce(excluded.last_event, case_state.last_event),
                    task_case_type = excluded.task_case_type, task_case_id = excluded.task_case_id,
                    task_county = excluded.task_county
                """).params(caseType, caseId, provider.mainProcessId(), cut(info.title(), 300), cut(info.businessKey(), 60),
                info.countyCode(), String.join(",", info.counties() == null ? Set.of() : info.counties()),
                info.operatorId(), f.year(), info.stageKey(), info.url(), ts(f.startedAt()), ts(f.endedAt()),
                ts(at == null ? clock.instant() : at), cut(lastEvent, 500),
                f.tasks() == null ? caseType : f.tasks().caseType(), f.tasks() == null ? caseId : f.tasks().caseId(),
                f.tasks() == null ? null : f.tasks().countyCode()).update();
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
        List<Object[]> missing = jdbc.sql("""
                select a.case_type, a.case_id, max(a.occurred_at) from audit_event a
                where a.case_type is not null and a.case_id is not null
                  and not exists (select 1 from case_state s where s.case_type = a.case_type and s.case_id = a.case_id)
                group by a.case_type, a.case_id
                """).query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()}).list();
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

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
