package no.siva.programflyt.incidents;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The table {@code incident}: Spring Data's queries, and the writes keyed by job ({@link IncidentJobs}). */
public interface IncidentRepository extends JpaRepository<Incident, Long>, IncidentJobs {

    List<Incident> findByResolvedAtIsNullOrderByCreatedAtDesc();

    List<Incident> findByCaseTypeAndCaseIdAndResolvedAtIsNull(String caseType, Long caseId);
}
