package no.siva.programflyt.targetcompany;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TargetCompanyRepository extends JpaRepository<TargetCompany, Long> {

    /** The case locked for this transaction: workers, task completion and ledger lines take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from TargetCompany t where t.id = :id")
    Optional<TargetCompany> findForUpdate(long id);

    /** Imported companies whose lifecycle has not been started (yet): registered ones are never ACTIVE without it. */
    @Query("select t.id from TargetCompany t where t.status = 'ACTIVE' and t.processInstanceKey is null order by t.id")
    List<Long> findActiveWithoutLifecycle();

    /** Records the lifecycle unless another start won: 0 rows means this instance is one too many. */
    @Modifying
    @Query("update TargetCompany t set t.processInstanceKey = :key, t.version = t.version + 1 where t.id = :id "
            + "and t.processInstanceKey is null")
    int recordLifecycle(long id, long key);

    List<TargetCompany> findByOperatorIdOrderByName(long operatorId);

    List<TargetCompany> findAllByOrderByName();
}
