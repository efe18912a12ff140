package no.siva.programflyt.differentiation;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DiffRoundRepository extends JpaRepository<DiffRound, Long> {

    Optional<DiffRound> findByYear(int year);

    List<DiffRound> findAllByOrderByYearDesc();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from DiffRound r where r.id = ?1")
    Optional<DiffRound> lockById(long id);
}
