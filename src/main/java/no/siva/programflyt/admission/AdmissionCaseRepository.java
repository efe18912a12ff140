package no.siva.programflyt.admission;

import jakarta.persistence.LockModeType;
import java.util.Collection;
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

    /** Cases a county official may see: her county leads or co-commissions. */
    @Query("""
            select distinct c from AdmissionCase c left join c.coCounties co
            where c.countyCode in :counties or co in :counties order by c.createdAt desc""")
    List<AdmissionCase> findVisibleToCounties(@Param("counties") Collection<String> counties);

    /** The pilot or expansion projects that admitted or concern one operator, newest first. */
    @Query("""
            select c.id from AdmissionCase c where c.operatorId = :operatorId or c.expansionOperatorId = :operatorId
            order by c.createdAt desc""")
    List<Long> findIdsByOperator(@Param("operatorId") long operatorId);
}
