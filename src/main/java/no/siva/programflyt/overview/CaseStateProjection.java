package no.siva.programflyt.overview;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.shared.CaseDirectory;
import no.siva.programflyt.shared.CaseFacts;
import no.siva.programflyt.shared.CaseInfo;
import no.siva.programflyt.shared.CaseProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps {@code case_state}, one row per case of every process, from the audit trail's events: each worker step and
 * each task completion writes an entry, and after its commit the case's row is refreshed from its module (stage,
 * title, county, operator, started/ended). It never polls the engine. Cases that follow another (a round's county
 * parts) are refreshed with it. A refresh that fails is logged and caught up at the next start.
 */
@Component
public class CaseStateProjection {

    private static final Logger log = LoggerFactory.getLogger(CaseStateProjection.class);

    private final CaseDirectory cases;
    private final JdbcClient jdbc;

    public CaseStateProjection(CaseDirectory cases, JdbcClient jdbc) {
        this.cases = cases;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AuditService.CaseEventRecorded e) {
        try {
            refresh(e.caseType(), e.caseId(), e.summary());
            for (CaseProvider p : cases.providers()) {
                for (Long follower : p.followers(e.caseType(), e.caseId())) {
                    refresh(p.caseType(), follower, e.summary());
                }
            }
        } catch (RuntimeException ex) {
            log.warn("Overview not updated for {} {}: {}", e.caseType(), e.caseId(), ex.toString());
        }
    }

    /** Writes the case's row as its module sees it now; a case type without a module is left out. */
    public void refresh(String caseType, long caseId, String lastEvent) {
        refresh(caseType, caseId, lastEvent, Instant.now());
    }

    private void refresh(String caseType, long caseId, String lastEvent, Instant at) {
        CaseProvider provider = cases.provider(caseType).orElse(null);
        if (provider == null) {
            return;
        }
        CaseInfo info = provider.find(caseId).orElse(null);
        if (info == null) {
            jdbc.sql("delete from case_state where case_type = ? and case_id = ?").params(caseType, caseId).update();
            return;
        }
        CaseFacts f = provider.facts(caseId);
        jdbc.sql("""
                insert into case_state (case_type, case_id, bpmn_process_id, title, business_key, county_code, counties,
                    operator_id, case_year, stage_key, url, started_at, ended_at, last_event_at, last_event,
                    task_case_type, task_case_id, task_county)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_type, case_id) do update set bpmn_process_id = excluded.bpmn_process_id,
                    title = excluded.title, business_key = excluded.business_key, county_code = excluded.county_code,
                    counties = excluded.counties, operator_id = excluded.operator_id, case_year = excluded.case_year,
                    stage_key = excluded.stage_key, url = excluded.url, started_at = excluded.started_at,
                    ended_at = excluded.ended_at, last_event_at = excluded.last_event_at,
                    last_event = coalesce(excluded.last_event, case_state.last_event),
                    task_case_type = excluded.task_case_type, task_case_id = excluded.task_case_id,
                    task_county = excluded.task_county
                """).params(caseType, caseId, provider.mainProcessId(), cut(info.title(), 300), cut(info.businessKey(), 60),
                info.countyCode(), counties(info.counties()), info.operatorId(), f.year(), info.stageKey(), info.url(),
                ts(f.startedAt()), ts(f.endedAt()), ts(at), cut(lastEvent, 500),
                f.tasks() == null ? caseType : f.tasks().caseType(), f.tasks() == null ? caseId : f.tasks().caseId(),
                f.tasks() == null ? null : f.tasks().countyCode()).update();
    }

    /** At start: every case with audit entries but no row yet (e.g. a refresh lost to a crash) gets one. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public int catchUp() {
        List<Object[]> missing = jdbc.sql("""
                select a.case_type, a.case_id, max(a.occurred_at) from audit_event a
                where a.case_type is not null and a.case_id is not null
                  and not exists (select 1 from case_state s where s.case_type = a.case_type and s.case_id = a.case_id)
                group by a.case_type, a.case_id
                """).query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()}).list();
        int n = 0;
        for (Object[] m : missing) {
            if (cases.provider((String) m[0]).isPresent()) {
                refresh((String) m[0], (Long) m[1], null, (Instant) m[2]);
                for (CaseProvider p : cases.providers()) {
                    for (Long follower : p.followers((String) m[0], (Long) m[1])) {
                        refresh(p.caseType(), follower, null, (Instant) m[2]);
                    }
                }
                n++;
            }
        }
        return n;
    }

    private static String counties(Set<String> counties) {
        return counties == null || counties.isEmpty() ? "" : "," + String.join(",", counties) + ",";
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
