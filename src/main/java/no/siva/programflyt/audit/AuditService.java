package no.siva.programflyt.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the audit trail: who did what, when, on which case. Joins the caller's transaction. */
@Service
public class AuditService {

    public static final String SYSTEM = "system";

    /** Published for every entry on a case: the overview's projection follows the cases by it. */
    public record CaseEventRecorded(String caseType, long caseId, String action, String summary, Instant at) {}

    private final AuditRepository repository;
    private final ApplicationEventPublisher events;

    private final Clock clock;

    public AuditService(Clock clock, AuditRepository repository, ApplicationEventPublisher events) {
        this.clock = clock;
        this.repository = repository;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String caseType, Long caseId, String businessKey, String summary,
                       String details) {
        Instant now = clock.instant();
        // the trail's summary is a line (1 000 characters); a longer text (e.g. a trigger's evidence) is cut, marked
        summary = summary != null && summary.length() > 1000 ? summary.substring(0, 999) + "…" : summary;
        repository.save(new AuditEvent(actor, action, caseType, caseId, businessKey, summary, details, now));
        if (caseType != null && caseId != null) {
            events.publishEvent(new CaseEventRecorded(caseType, caseId, action, summary, now));
        }
    }

    /**
     * An entry written once per case, action and key (kept in {@code details}), however often the step that writes
     * it runs (a job delivered twice).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordOnce(String actor, String action, String caseType, long caseId, String businessKey, String summary,
                           String key) {
        if (!repository.existsByCaseTypeAndCaseIdAndActionAndDetails(caseType, caseId, action, key)) {
            record(actor, action, caseType, caseId, businessKey, summary, key);
        }
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> forCase(String caseType, long caseId) {
        return repository.findByCaseTypeAndCaseIdOrderByOccurredAtAscIdAsc(caseType, caseId);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> all() {
        return repository.findAllByOrderByIdAsc();
    }

    /** Rows per page of the audit trail's page. */
    public static final int PAGE_SIZE = 50;

    /** One page of the trail as the filter selects it, newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEvent> search(AuditFilter filter, int page) {
        return repository.findAll(filter.specification(), PageRequest.of(Math.max(0, page),
                PAGE_SIZE, Sort.by(Sort.Order.desc("occurredAt"),
                        Sort.Order.desc("id"))));
    }

    /** Everything the filter selects, oldest first (the CSV export). */
    @Transactional(readOnly = true)
    public List<AuditEvent> searchAll(AuditFilter filter) {
        return repository.findAll(filter.specification(), Sort.by("occurredAt", "id"));
    }

    /** The actions and the people (user names) that occur in the trail: the filter's choices. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return repository.actions();
    }

    @Transactional(readOnly = true)
    public List<String> actors() {
        return repository.actors();
    }
}
