package no.siva.programflyt.followup;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface FollowUpCaseRepository extends JpaRepository<FollowUpCase, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from FollowUpCase c where c.id = :id")
    Optional<FollowUpCase> findForUpdate(long id);

    @Query("select c from FollowUpCase c where c.operatorId = :operatorId and c.closedAt is null")
    Optional<FollowUpCase> findOpen(long operatorId);

    List<FollowUpCase> findAllByOrderByStartedAtDesc();

    List<FollowUpCase> findByCountyCodeInOrderByStartedAtDesc(Collection<String> countyCodes);

    List<FollowUpCase> findByOperatorIdOrderByStartedAtDesc(long operatorId);
}
