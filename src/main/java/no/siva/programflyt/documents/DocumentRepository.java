package no.siva.programflyt.documents;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DocumentRepository extends JpaRepository<Document, Long> {
    List<Document> findByCaseTypeAndCaseIdOrderByUploadedAt(String caseType, Long caseId);

    Optional<Document> findByCaseTypeAndCaseIdAndKind(String caseType, Long caseId, String kind);
}
