package no.siva.programflyt.admission;

import java.util.Collection;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AdmissionCaseRepository extends JpaRepository<AdmissionCase, Long> {

    /**
     * The case, row-locked until the transaction ends. Workers load their case this way: a worker started by a
     * task completion then waits until that completion has committed, and two deliveries of one job run one
     * after the other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from AdmissionCase c where c.id = :id")
    Optional<AdmissionCase> findForUpdate(@Param("id") long id);

    List<AdmissionCase> findAllByOrderByCreatedAtDesc();

    List<AdmissionCase> findByCountyCodeInOrderByCreatedAtDesc(Collection<String> counties);
}
