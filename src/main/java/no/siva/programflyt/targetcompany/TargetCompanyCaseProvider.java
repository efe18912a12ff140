package no.siva.programflyt.targetcompany;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorService;
import no.siva.programflyt.shared.Formats;
import org.springframework.stereotype.Component;

@Component
class TargetCompanyCaseProvider implements CaseProvider {

    private final TargetCompanyRepository companies;
    private final OperatorRepository operators;

    public TargetCompanyCaseProvider(TargetCompanyRepository companies, OperatorRepository operators) {
        this.companies = companies;
        this.operators = operators;
    }

    @Override
    public String caseType() {
        return TargetCompanyService.CASE_TYPE;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(TargetCompanyService.PROCESS_ID, TargetCompanyService.ADMISSION_PROCESS_ID,
                TargetCompanyService.YEAR_PROCESS_ID);
    }

    @Override
    public String mainProcessId() {
        return TargetCompanyService.PROCESS_ID;
    }

    /** An operator's target companies follow its changes (e.g. its county, which decides who sees them). */
    @Override
    public List<Long> followers(String caseType, long caseId) {
        return OperatorService.CASE_TYPE.equals(caseType)
                ? companies.findByOperatorIdOrderByName(caseId).stream().map(TargetCompany::getId).toList()
                : List.of();
    }

    @Override
    public Optional<CaseInfo> find(long caseId) {
        return companies.findById(caseId).map(c -> info(c, operators));
    }

    @Override
    public CaseFacts facts(long caseId) {
        return companies.findById(caseId).map(c -> new CaseFacts(c.getCreatedAt(),
                c.getExitDate() == null ? null : c.getExitDate().atStartOfDay(Formats.OSLO).toInstant(),
                c.getCreatedAt().atZone(Formats.OSLO).getYear()))
                .orElse(CaseFacts.NONE);
    }

    /** The operator's staff see it; the operator's county reads it (for its overview); Siva sees all. */
    static CaseInfo info(TargetCompany c, OperatorRepository operators) {
        String county = operators.findById(c.getOperatorId()).map(o -> o.getCountyCode()).orElse(null);
        return new CaseInfo(TargetCompanyService.CASE_TYPE, c.getId(), "Målbedrift: " + c.getName(), c.getOrgNumber(),
                county, county == null ? Set.of() : Set.of(county), c.getOperatorId(),
                "targetcompany.status." + c.getStatus().name(), "/target-companies/" + c.getId());
    }
}
