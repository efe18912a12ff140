package no.siva.programflyt.targetcompany;

import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
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
    public java.util.List<Long> followers(String caseType, long caseId) {
        return no.siva.programflyt.registry.OperatorService.CASE_TYPE.equals(caseType)
                ? companies.findByOperatorIdOrderByName(caseId).stream().map(TargetCompany::getId).toList()
                : java.util.List.of();
    }

    @Override
    public Optional<CaseInfo> find(long caseId) {
        return companies.findById(caseId).map(c -> info(c, operators));
    }

    @Override
    public no.siva.programflyt.cases.CaseFacts facts(long caseId) {
        return companies.findById(caseId).map(c -> new no.siva.programflyt.cases.CaseFacts(c.getCreatedAt(),
                c.getExitDate() == null ? null : c.getExitDate().atStartOfDay(no.siva.programflyt.shared.Formats.OSLO).toInstant(),
                c.getCreatedAt().atZone(no.siva.programflyt.shared.Formats.OSLO).getYear()))
                .orElse(no.siva.programflyt.cases.CaseFacts.NONE);
    }

    /** The operator's staff see it; the operator's county reads it (for its overview); Siva sees all. */
    static CaseInfo info(TargetCompany c, OperatorRepository operators) {
        String county = operators.findById(c.getOperatorId()).map(o -> o.getCountyCode()).orElse(null);
        return new CaseInfo(TargetCompanyService.CASE_TYPE, c.getId(), "Målbedrift: " + c.getName(), c.getOrgNumber(),
                county, county == null ? Set.of() : Set.of(county), c.getOperatorId(),
                "targetcompany.status." + c.getStatus().name(), "/target-companies/" + c.getId());
    }
}
