package no.siva.programflyt.incidents;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IncidentRepository extends JpaRepository<Incident, Long> {

    List<Incident> findByResolvedAtIsNullOrderByCreatedAtDesc();

    List<Incident> findByCaseTypeAndCaseIdAndResolvedAtIsNull(String caseType, Long caseId);
}
