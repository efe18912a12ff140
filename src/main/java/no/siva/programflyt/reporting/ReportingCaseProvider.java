package no.siva.programflyt.reporting;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.siva.programflyt.cases.CaseFacts;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.cases.CaseProvider;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A reporting case is one operator's year: its staff and Siva see it, and its county reads it. */
@Component
class ReportingCaseProvider implements CaseProvider {

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
    public String mainProcessId() {
        return ReportingService.PROCESS_ID;
    }

    /** An operator's reporting years follow its changes (e.g. its county). */
    @Override
    public List<Long> followers(String caseType, long caseId) {
        return OperatorService.CASE_TYPE.equals(caseType)
                ? jdbc.sql("select id from reporting_year where operator_id = ?").param(caseId).query(Long.class).list()
                : List.of();
    }

    /** A reporting year ends when none of its deadlines is open any more. */
    @Override
    public CaseFacts facts(long caseId) {
        return jdbc.sql("select y.created_at, y.year, (select count(*) from reporting_obligation o where o.reporting_year_id = y.id "
                + "and o.status not in ('DONE', 'CANCELED')) open, (select max(coalesce(o.reviewed_at, o.submitted_at)) from reporting_obligation o "
                + "where o.reporting_year_id = y.id) last from reporting_year y where y.id = ?").param(caseId)
                .query((rs, n) -> new CaseFacts(rs.getTimestamp(1).toInstant(),
                        rs.getLong(3) == 0 && rs.getTimestamp(4) != null ? rs.getTimestamp(4).toInstant() : null, rs.getInt(2)))
                .optional().orElse(CaseFacts.NONE);
    }

    @Override
    public Optional<CaseInfo> find(long caseId) {
        // the stage does not depend on today's date (the overview would not see it change): overdue deadlines show
        // as overdue tasks
        return jdbc.sql("select y.operator_id, y.year, (select count(*) from reporting_obligation o where o.reporting_year_id = y.id "
                + "and o.status not in ('DONE', 'CANCELED')) from reporting_year y where y.id = ?").param(caseId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2), rs.getLong(3)}).optional()
                .flatMap(r -> operators.findById(r[0]).map(o -> new CaseInfo(ReportingService.CASE_TYPE, caseId,
                        "Rapporteringskalender " + r[1] + ": " + o.getName(), o.getOrgNumber() + "-" + r[1],
                        o.getCountyCode(), Set.of(o.getCountyCode()), o.getId(),
                        "reporting.stage." + (r[2] == 0 ? "DONE" : "IN_PROGRESS"),
                        "/reporting?operatorId=" + o.getId() + "&year=" + r[1])));
    }
}
