package no.siva.programflyt.audit;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the audit trail: who did what, when, on which case. Joins the caller's transaction. */
@Service
public class AuditService {

    public static final String SYSTEM = "system";

    private final AuditRepository repository;

    public AuditService(AuditRepository repository) {
        this.repository = repository;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String caseType, Long caseId, String businessKey, String summary,
                       String details) {
        repository.save(new AuditEvent(actor, action, caseType, caseId, businessKey, summary, details));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> forCase(String caseType, long caseId) {
        return repository.findByCaseTypeAndCaseIdOrderByOccurredAtAscIdAsc(caseType, caseId);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> all() {
        return repository.findAllByOrderByIdAsc();
    }
}
