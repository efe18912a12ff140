package no.siva.programflyt.targetcompany.ledger;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AidLedgerRepository extends JpaRepository<AidLedgerLine, Long> {

    List<AidLedgerLine> findByOrgNumberAndServiceDateBetweenOrderByServiceDate(String orgNumber, LocalDate from,
                                                                               LocalDate to);

    List<AidLedgerLine> findByTargetCompanyIdOrderByServiceDateAscIdAsc(long targetCompanyId);
}
