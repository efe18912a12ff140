package no.siva.programflyt.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OperatorRepository extends JpaRepository<Operator, Long> {
    Optional<Operator> findByOrgNumber(String orgNumber);

    List<Operator> findAllByOrderByName();

    List<Operator> findByCountyCodeInOrderByName(Collection<String> countyCodes);
}
