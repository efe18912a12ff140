package no.siva.programflyt.targetcompany;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface TargetCompanyRepository extends JpaRepository<TargetCompany, Long> {

    /** The case locked for this transaction: workers, task completion and ledger lines take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from TargetCompany t where t.id = :id")
    Optional<TargetCompany> findForUpdate(long id);

    List<TargetCompany> findByOperatorIdOrderByName(long operatorId);

    List<TargetCompany> findAllByOrderByName();
}
