package no.siva.programflyt.reporting;

import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.shared.CaseInfo;
import no.siva.programflyt.shared.CaseProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A reporting case is one operator's year: its staff and Siva see it, and its county reads it. */
@Component
public class ReportingCaseProvider implements CaseProvider {

    private final JdbcClient jdbc;
    private final OperatorRepository operators;

    public ReportingCaseProvider(JdbcClient jdbc, OperatorRepository operators) {
        this.jdbc = jdbc;
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
    public Optional<CaseInfo> find(long caseId) {
        return jdbc.sql("select operator_id, year from reporting_year where id = ?").param(caseId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)}).optional()
                .flatMap(r -> operators.findById(r[0]).map(o -> new CaseInfo(ReportingService.CASE_TYPE, caseId,
                        "Rapporteringskalender " + r[1] + ": " + o.getName(), o.getOrgNumber() + "-" + r[1],
                        o.getCountyCode(), Set.of(o.getCountyCode()), o.getId(), "reporting.case.stage",
                        "/reporting?operatorId=" + o.getId() + "&year=" + r[1])));
    }
}
