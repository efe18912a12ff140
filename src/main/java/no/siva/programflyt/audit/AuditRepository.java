package no.siva.programflyt.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditRepository extends JpaRepository<AuditEvent, Long> {
    List<AuditEvent> findByCaseTypeAndCaseIdOrderByOccurredAtAscIdAsc(String caseType, Long caseId);

    boolean existsByCaseTypeAndCaseIdAndActionAndDetails(String caseType, Long caseId, String action, String details);

    List<AuditEvent> findAllByOrderByIdAsc();

    long countByCaseTypeAndCaseIdAndAction(String caseType, Long caseId, String action);
}
