package no.siva.programflyt.admission;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import no.siva.programflyt.shared.Formats;
import org.springframework.stereotype.Component;

@Component
class AdmissionCaseProvider implements CaseProvider {

    private final AdmissionCaseRepository cases;

    public AdmissionCaseProvider(AdmissionCaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public String caseType() {
        return AdmissionService.CASE_TYPE;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(AdmissionService.PROCESS_ID);
    }

    @Override
    public Optional<CaseInfo> find(long caseId) {
        return cases.findById(caseId).map(AdmissionCaseProvider::info);
    }

    @Override
    public CaseFacts facts(long caseId) {
        return cases.findById(caseId).map(c -> new CaseFacts(c.getCreatedAt(), c.getClosedAt(),
                c.getCreatedAt().atZone(Formats.OSLO).getYear()))
                .orElse(CaseFacts.NONE);
    }

    @Override
    public List<Long> casesOfOperator(long operatorId) {
        return cases.findIdsByOperator(operatorId);
    }

    /** Operator staff never see pilot projects: operatorId is left out on purpose. */
    static CaseInfo info(AdmissionCase c) {
        String prefix = c.getProjectType() == ProjectType.FORPROSJEKT_OPPTAK ? "Forprosjekt: " : "Utvidelsesprosjekt: ";
        return new CaseInfo(AdmissionService.CASE_TYPE, c.getId(), prefix + c.getCompanyName(),
                c.getOrgNumber(), c.getCountyCode(), c.allCounties(), null,
                "admission.status." + c.getStatus().name(), "/admission/" + c.getId());
    }
}
