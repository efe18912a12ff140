package no.siva.programflyt.differentiation;

import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import org.springframework.stereotype.Component;

/**
 * A round as a case is Siva's: its audit trail and documents span every county. County officials reach their own
 * county's part through the round's county page (and its documents), operator staff their own results.
 */
@Component
class DifferentiationCaseProvider implements CaseProvider {

    private final DifferentiationService service;

    public DifferentiationCaseProvider(DifferentiationService service) {
        this.service = service;
    }

    @Override
    public String caseType() {
        return DifferentiationService.CASE_TYPE;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(DifferentiationService.PROCESS_ID, DifferentiationService.COUNTY_PROCESS_ID);
    }

    @Override
    public String mainProcessId() {
        return DifferentiationService.PROCESS_ID;
    }

    @Override
    public CaseFacts facts(long caseId) {
        return service.find(caseId).map(r -> new CaseFacts(r.getStartedAt(), r.getCompletedAt(),
                r.getYear())).orElse(CaseFacts.NONE);
    }

    @Override
    public Optional<CaseInfo> find(long caseId) {
        return service.find(caseId).map(r -> new CaseInfo(DifferentiationService.CASE_TYPE, r.getId(),
                (r.isDifferentiation() ? "Differensieringsrunde " : "Begrenset analyse ") + r.getYear(),
                String.valueOf(r.getYear()), null, Set.of(), null, "differentiation.status." + r.getStatus(),
                "/differentiation/" + r.getId()));
    }
}
