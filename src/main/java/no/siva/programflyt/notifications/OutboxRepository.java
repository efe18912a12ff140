package no.siva.programflyt.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The table {@code outbox_message}: Spring Data's queries, and the insert keyed by dedup key ({@link OutboxInserts}). */
public interface OutboxRepository extends JpaRepository<OutboxMessage, Long>, OutboxInserts {

    /** A batch of due messages, locked so that several app instances never send the same one. */
    @Query(value = """
            select * from outbox_message where status = 'PENDING' and next_attempt_at <= :now
            order by id limit :limit for update skip locked""", nativeQuery = true)
    List<OutboxMessage> lockDueBatch(@Param("now") Instant now, @Param("limit") int limit);

    Optional<OutboxMessage> findByDedupKey(String dedupKey);

    List<OutboxMessage> findTop200ByOrderByIdDesc();

    List<OutboxMessage> findByCaseTypeAndCaseIdOrderById(String caseType, Long caseId);
}
