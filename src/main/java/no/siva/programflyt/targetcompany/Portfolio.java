package no.siva.programflyt.targetcompany;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Csv;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.targetcompany.ledger.AidLedger;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An operator's target companies at a glance: stage, next deadline, aid used against the cap; filtered, as CSV. */
@Service
class Portfolio {

    public record Row(TargetCompany company, String operatorName, Instant nextDeadline, String nextTask,
                      BigDecimal aidUsedEur, int aidUsedPercent) {}

    private final TargetCompanyService service;
    private final OperatorRepository operators;
    private final UserTaskRepository tasks;
    private final AidLedger ledger;

    private final Clock clock;

    public Portfolio(Clock clock, TargetCompanyService service, OperatorRepository operators, UserTaskRepository tasks, AidLedger ledger) {
        this.clock = clock;
        this.service = service;
        this.operators = operators;
        this.tasks = tasks;
        this.ledger = ledger;
    }

    /** The companies the user sees, with next deadlines and aid used: three queries, whatever the number of companies. */
    @Transactional(readOnly = true)
    public List<Row> rows(CurrentUser user, TargetCompanyStatus status, String text) {
        return rows(user, status, text, null);
    }

    /** The same, for one operator's companies ({@code operatorId} null: every operator the user sees). */
    @Transactional(readOnly = true)
    public List<Row> rows(CurrentUser user, TargetCompanyStatus status, String text, Long operatorId) {
        Map<Long, String> names = operators.findAll().stream().collect(Collectors.toMap(Operator::getId, Operator::getName));
        LocalDate today = LocalDate.now(clock);
        String q = text == null ? "" : text.trim().toLowerCase();
        List<TargetCompany> shown = service.visibleTo(user).stream()
                .filter(c -> status == null || c.getStatus() == status)
                .filter(c -> operatorId == null || operatorId.equals(c.getOperatorId()))
                .filter(c -> q.isEmpty() || c.getName().toLowerCase().contains(q) || c.getOrgNumber().contains(q))
                .toList();
        Map<Long, UserTask> next = nextTasks(shown.stream().map(TargetCompany::getId).toArray(Long[]::new));
        BigDecimal cap = ledger.caps().inForce(today);
        Map<String, BigDecimal> used = ledger.usedEurByOrg(shown.stream().map(TargetCompany::getOrgNumber).toList(), today);
        return shown.stream().map(c -> {
            UserTask task = next.get(c.getId());
            BigDecimal aid = used.getOrDefault(c.getOrgNumber(), BigDecimal.ZERO);
            int pct = aid.multiply(new BigDecimal("100")).divide(cap, 0, RoundingMode.HALF_UP).intValue();
            return new Row(c, names.get(c.getOperatorId()), task == null ? null : task.getDueAt(),
                    task == null ? null : task.getName(), aid, pct);
        }).toList();
    }

    /** Each case's open task with the earliest due date. */
    private Map<Long, UserTask> nextTasks(Long[] caseIds) {
        return tasks.findNextDueByCase(TargetCompanyService.CASE_TYPE, caseIds).stream()
                .collect(Collectors.toMap(UserTask::getCaseId, t -> t, (a, b) -> a));
    }

    public static String csv(List<Row> rows, Function<String, String> statusLabel) {
        Formats f = new Formats();
        StringBuilder sb = new StringBuilder("\uFEFFOrganisasjonsnummer;Navn;Operatør;Status;Avtalestart;Avtaleslutt;"
                + "Støtteintensitet;Neste frist;Neste oppgave;Støtte siste tre år (EUR)\r\n");
        for (Row r : rows) {
            TargetCompany c = r.company();
            sb.append(String.join(";", c.getOrgNumber(), Csv.cell(c.getName()), Csv.cell(r.operatorName()),
                    Csv.cell(statusLabel.apply(c.getStatus().name())), f.date(c.getAgreementStart()), f.date(c.getAgreementEnd()),
                    c.getAidIntensityPercent() == null ? "" : c.getAidIntensityPercent().stripTrailingZeros().toPlainString(),
                    r.nextDeadline() == null ? "" : f.date(r.nextDeadline()), Csv.cell(r.nextTask()),
                    r.aidUsedEur().setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',')))
                    .append("\r\n");
        }
        return sb.toString();
    }
}
