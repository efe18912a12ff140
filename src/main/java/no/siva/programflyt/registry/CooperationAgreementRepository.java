package no.siva.programflyt.registry;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CooperationAgreementRepository extends JpaRepository<CooperationAgreement, Long> {
    Optional<CooperationAgreement> findByOperatorId(long operatorId);
}
