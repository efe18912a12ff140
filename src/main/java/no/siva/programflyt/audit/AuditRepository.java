package no.siva.programflyt.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface AuditRepository
        extends
            JpaRepository<AuditEvent, Long>,
            JpaSpecificationExecutor<AuditEvent> {

    @Query("select distinct e.action from AuditEvent e order by e.action")
    List<String> actions();

    @Query("select distinct e.actor from AuditEvent e where e.actor is not null")
    List<String> actors();

    List<AuditEvent> findByCaseTypeAndCaseIdOrderByOccurredAtAscIdAsc(String caseType, Long caseId);

    boolean existsByCaseTypeAndCaseIdAndActionAndDetails(String caseType, Long caseId, String action, String details);

    List<AuditEvent> findAllByOrderByIdAsc();

    long countByCaseTypeAndCaseIdAndAction(String caseType, Long caseId, String action);
}
