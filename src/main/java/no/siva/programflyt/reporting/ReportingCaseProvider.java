package no.siva.programflyt.reporting;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorService;
import org.springframework.stereotype.Component;

/** A reporting case is one operator's year: its staff and Siva see it, and its county reads it. */
@Component
class ReportingCaseProvider implements CaseProvider {

    private final ReportingYears years;
    private final OperatorRepository operators;

    ReportingCaseProvider(ReportingYears years, OperatorRepository operators) {
        this.years = years;
        this.operators = operators;
    }

    @Override
    public String caseType() {
        return ReportingService.CASE_TYPE;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(ReportingService.PROCESS_ID, ReportingService.OBLIGATION_PROCESS_ID);
    }

    @Override
    public String mainProcessId() {
        return ReportingService.PROCESS_ID;
    }

    /** An operator's reporting years follow its changes (e.g. its county). */
    @Override
    public List<Long> followers(String caseType, long caseId) {
        return OperatorService.CASE_TYPE.equals(caseType)
                ? years.idsOfOperator(caseId)
                : List.of();
    }

    /** A reporting year ends when none of its deadlines is open any more. */
    @Override
    public CaseFacts facts(long caseId) {
        return years.facts(caseId).orElse(CaseFacts.NONE);
    }

    @Override
    public Optional<CaseInfo> find(long caseId) {
        // the stage does not depend on today's date (the overview would not see it change): overdue deadlines show
        // as overdue tasks
        return years.operatorYearAndOpen(caseId)
                .flatMap(r -> operators.findById(r[0]).map(o -> new CaseInfo(ReportingService.CASE_TYPE, caseId,
                        "Rapporteringskalender " + r[1] + ": " + o.getName(), o.getOrgNumber() + "-" + r[1],
                        o.getCountyCode(), Set.of(o.getCountyCode()), o.getId(),
                        "reporting.stage." + (r[2] == 0 ? "DONE" : "IN_PROGRESS"),
                        "/reporting?operatorId=" + o.getId() + "&year=" + r[1])));
    }
}
