package no.siva.programflyt.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of every case about one operator (its admission, its follow-ups) that the user may see, newest
 * first: the operator page's «Dokumenter». A case the user may not open contributes nothing, so the list never
 * reveals more than the case pages do.
 */
@Component
public class OperatorDocuments {

    /** One document and the case it belongs to. */
    public record Entry(Document document, CaseInfo caseInfo) {}

    private final CaseDirectory cases;
    private final DocumentRepository documents;

    OperatorDocuments(CaseDirectory cases, DocumentRepository documents) {
        this.cases = cases;
        this.documents = documents;
    }

    @Transactional(readOnly = true)
    public List<Entry> visibleTo(CurrentUser user, long operatorId) {
        List<Entry> found = new ArrayList<>();
        for (CaseProvider provider : cases.providers()) {
            for (long caseId : provider.casesOfOperator(operatorId)) {
                provider.find(caseId).filter(info -> CaseDirectory.canView(user, info))
                        .ifPresent(info -> documents.findByCaseTypeAndCaseIdOrderByUploadedAt(info.caseType(), caseId)
                                .forEach(d -> found.add(new Entry(d, info))));
            }
        }
        found.sort(Comparator.comparing((Entry e) -> e.document().getUploadedAt()).reversed());
        return found;
    }
}
