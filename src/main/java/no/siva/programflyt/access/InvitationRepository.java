package no.siva.programflyt.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    /** Not accepted and not revoked (expired ones included), newest first. */
    @Query("select i from Invitation i where i.acceptedAt is null and i.revokedAt is null order by i.createdAt desc")
    List<Invitation> open();

    @Query("select i from Invitation i where i.acceptedAt is null and i.revokedAt is null and i.operatorId = ?1 order by i.createdAt desc")
    List<Invitation> openFor(long operatorId);

    /** Takes the invitation for one login; 0 when another took it first (an invitation is used once). */
    @Modifying
    @Query("update Invitation i set i.acceptedAt = ?2, i.acceptedBy = ?3 where i.id = ?1 and i.acceptedAt is null and i.revokedAt is null")
    int take(long id, Instant at, String username);

    @Query("select count(i) > 0 from Invitation i where i.role = 'ADMIN' and i.acceptedAt is null and i.revokedAt is null and i.expiresAt > ?1")
    boolean adminInvitationOpen(Instant now);

    /**
     * Waits for, then holds until the transaction ends, the lock that makes instances starting together check for a
     * first administrator one after the other.
     */
    @Query(value = "select 1 from pg_advisory_xact_lock(7301)", nativeQuery = true)
    int lockForFirstAdministrator();
}
