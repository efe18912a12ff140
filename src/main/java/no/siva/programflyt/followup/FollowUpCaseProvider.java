package no.siva.programflyt.followup;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.shared.Formats;
import org.springframework.stereotype.Component;

/** A follow-up is seen by Siva and the operator's county; the operator's staff get its letters, not the case. */
@Component
class FollowUpCaseProvider implements CaseProvider {

    private final FollowUpCaseRepository cases;
    private final OperatorRepository operators;

    public FollowUpCaseProvider(FollowUpCaseRepository cases, OperatorRepository operators) {
        this.cases = cases;
        this.operators = operators;
    }

    @Override
    public String caseType() {
        return FollowUpService.CASE_TYPE;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(FollowUpService.PROCESS_ID);
    }

    @Override
    public Optional<CaseInfo> find(long caseId) {
        return cases.findById(caseId).map(c -> info(c, operators.findById(c.getOperatorId()).map(o -> o.getName()).orElse("")));
    }

    @Override
    public CaseFacts facts(long caseId) {
        return cases.findById(caseId).map(c -> new CaseFacts(c.getStartedAt(), c.getClosedAt(),
                c.getStartedAt().atZone(Formats.OSLO).getYear()))
                .orElse(CaseFacts.NONE);
    }

    @Override
    public List<Long> casesOfOperator(long operatorId) {
        return cases.findByOperatorIdOrderByStartedAtDesc(operatorId).stream().map(FollowUpCase::getId).toList();
    }

    static CaseInfo info(FollowUpCase c, String operatorName) {
        return new CaseInfo(FollowUpService.CASE_TYPE, c.getId(), "Ekstraordinær oppfølging: " + operatorName,
                c.getOrgNumber(), c.getCountyCode(), Set.of(c.getCountyCode()), null,
                "followup.status." + c.getStatus(), "/follow-up/" + c.getId());
    }
}
