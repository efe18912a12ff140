package no.siva.programflyt.admission;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AdmissionCaseRepository extends JpaRepository<AdmissionCase, Long> {
    List<AdmissionCase> findAllByOrderByCreatedAtDesc();

    List<AdmissionCase> findByCountyCodeInOrderByCreatedAtDesc(Collection<String> counties);
}
