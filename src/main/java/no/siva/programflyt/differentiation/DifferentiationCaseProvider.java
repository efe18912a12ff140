package no.siva.programflyt.differentiation;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.shared.CaseInfo;
import no.siva.programflyt.shared.CaseProvider;
import org.springframework.stereotype.Component;

/** A round is seen by Siva and by every county in it (a county official's pages show her own county only). */
@Component
public class DifferentiationCaseProvider implements CaseProvider {

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
    public Optional<CaseInfo> find(long caseId) {
        return service.find(caseId).map(r -> {
            Set<String> counties = new HashSet<>();
            service.countyList().forEach(c -> counties.add((String) c.get("code")));
            return new CaseInfo(DifferentiationService.CASE_TYPE, r.getId(), (r.isDifferentiation()
                    ? "Differensieringsrunde " : "Begrenset analyse ") + r.getYear(), String.valueOf(r.getYear()),
                    null, counties, null, "differentiation.status." + r.getStatus(), "/differentiation/" + r.getId());
        });
    }
}
