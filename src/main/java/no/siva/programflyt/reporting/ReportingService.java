package no.siva.programflyt.reporting;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.ProgrammePeriod;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process 5: the operators' yearly reporting calendar. A case is one operator's year ({@code reporting_year}); its
 * obligations are rows with their status. Timer dates are computed from the deadlines, never from the clock.
 */
@Service
public class ReportingService {

    public static final String CASE_TYPE = "REPORTING";
    public static final String PROCESS_ID = "annual-reporting-calendar";
    public static final String OBLIGATION_PROCESS_ID = "reporting-obligation";
    public static final String NEW_YEAR_PROCESS_ID = "reporting-new-year";

    /** One obligation of one operator's year, as the pages and workers read it. */
    /** One deadline; {@code taskId} is the task that delivers it (null for a deadline ahead, not yet started). */
    public record Row(long id, long reportingYearId, long operatorId, int year, Obligation code, LocalDate dueDate,
                      String status, String submittedBy, String rejectionReason, boolean locked, Long taskId) {

        /** The coming year's deadline, shown before its calendar starts. */
        public boolean ahead() {
            return "AHEAD".equals(status);
        }

        public boolean done() {
            return "DONE".equals(status);
        }

        /** The operator left the programme before this deadline: nothing is owed. */
        public boolean canceled() {
            return "CANCELED".equals(status);
        }

        public boolean overdue(LocalDate today) {
            return !done() && !canceled() && dueDate.isBefore(today);
        }
    }

    private final ReportingYears years;
    private final ObligationRows obligations;
    private final OperatorRepository operators;
    private final ReportingProperties config;
    private final CamundaClient client;
    private final AuditService audit;
    private final TransactionTemplate tx;

    private final Clock clock;

    private final ProgrammePeriod programme;

    ReportingService(Clock clock, ReportingYears years, ObligationRows obligations, OperatorRepository operators,
                     ReportingProperties config,
                     CamundaClient client, AuditService audit, TransactionTemplate tx,
                     ProgrammePeriod programme) {
        this.clock = clock;
        this.programme = programme;
        this.years = years;
        this.obligations = obligations;
        this.operators = operators;
        this.config = config;
        this.client = client;
        this.audit = audit;
        this.tx = tx;
    }

    /** Starts an operator's calendar for a year, once: a second call (or the new-year run twice) does nothing. */
    public Optional<Long> startYear(long operatorId, int year) {
        if (year > programme.end().getYear()) {
            return Optional.empty();   // «Næringshageprogrammet 2023–2032»: no reporting year after the programme
        }
        Operator o = operators.findById(operatorId).orElse(null);
        if (o == null || o.getStatus() == OperatorStatus.TERMINATED) {
            return Optional.empty();   // no calendar for an operator that has left the programme
        }
        Long id = tx.execute(s -> years.insertIfAbsent(operatorId, year, clock.instant()).orElse(null));
        if (id == null) {
            return Optional.empty();
        }
        long key = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
                .variables(Map.of("operatorId", operatorId, "year", year, "caseId", id,
                        "businessKey", o.getOrgNumber() + "-" + year))
                .send().join().getProcessInstanceKey();
        tx.executeWithoutResult(s -> years.setInstance(id, key));
        return Optional.of(id);
    }

    /**
     * Creates the year's obligations (keyed by year and code) and returns what the process needs for each: the
     * task's name and form, whether Siva reviews it, and the deadline, reminder and escalation times. Obligations
     * already past on {@code from} (an operator admitted in the middle of the year) are left out.
     */
    @Transactional
    public Map<String, Object> planYear(long operatorId, int year, long processInstanceKey, LocalDate from) {
        Operator o = operators.findById(operatorId).orElseThrow(() -> new NotFoundException("operator " + operatorId));
        long yearId = years.ensure(operatorId, year, processInstanceKey, clock.instant());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Obligation ob : Obligation.values()) {
            if (ob == Obligation.BUDGET_NEXT_YEAR && year + 1 > programme.end().getYear()) {
                continue;   // no budget for a year after the programme
            }
            LocalDate due = ob.dueIn(year, config.deadline(ob));
            if (due.isBefore(from)) {
                continue;
            }
            long obligationId = obligations.plan(yearId, operatorId, year, ob, due);
            Map<String, Object> m = new HashMap<>();
            m.put("obligationId", obligationId);
            m.put("code", ob.name());
            m.put("taskName", ob.taskName() + " (frist " + new Formats().date(due) + ")");
            m.put("taskForm", ob.formId());
            m.put("review", ob.review());
            m.put("dueAt", Formats.iso(due, 23, 59));
            m.put("reminder1At", Formats.iso(due.minus(config.firstReminder()), 8, 0));
            m.put("reminder2At", Formats.iso(due.minus(config.secondReminder()), 8, 0));
            m.put("escalateAt", Formats.iso(due.plus(config.escalationAfter()), 8, 0));
            list.add(m);
        }
        audit.record(AuditService.SYSTEM, "REPORTING_YEAR_PLANNED", CASE_TYPE, yearId, o.getOrgNumber() + "-" + year,
                "Rapporteringskalender " + year + " for " + o.getName() + ": " + list.size() + " frister", null);
        Map<String, Object> vars = new HashMap<>();
        vars.put("obligations", list);
        vars.put("caseId", yearId);
        vars.put("businessKey", o.getOrgNumber() + "-" + year);
        vars.put("operatorGroup", List.of("operator-" + operatorId));
        return vars;
    }

    public Row row(long obligationId) {
        return obligations.row(obligationId, false).orElseThrow(() -> new NotFoundException("obligation " + obligationId));
    }

    Row lockRow(long obligationId) {
        return obligations.row(obligationId, true).orElseThrow(() -> new NotFoundException("obligation " + obligationId));
    }

    public List<Row> forOperator(long operatorId, int year) {
        return obligations.forOperator(operatorId, year);
    }

    /**
     * An operator's whole year (delivered, lapsed, ahead); before 1 January, from {@code lookAheadFrom}, the coming
     * year's deadlines as they will be, marked ahead.
     */
    public List<Row> forOperator(long operatorId, int year, LocalDate today) {
        List<Row> rows = forOperator(operatorId, year);
        return rows.isEmpty() && looksAhead(year, today) ? ahead(operatorId, year) : rows;
    }

    /** Every operator's obligations of a year, the overdue ones first, then by deadline. */
    public List<Row> all(int year, LocalDate today) {
        List<Row> rows = obligations.forYear(year, today);
        if (!rows.isEmpty() || !looksAhead(year, today)) {
            return rows;
        }
        List<Row> ahead = new ArrayList<>();
        operators.findAllByOrderByName().stream().filter(o -> o.getStatus() != OperatorStatus.TERMINATED)
                .forEach(o -> ahead.addAll(ahead(o.getId(), year)));
        ahead.sort(Comparator.comparing(Row::dueDate).thenComparing(Row::operatorId));
        return ahead;
    }

    /** True when {@code year} is the coming year and its deadlines are shown ahead (from 1 December, configurable). */
    public boolean looksAhead(int year, LocalDate today) {
        return year == today.getYear() + 1 && !today.isBefore(config.lookAheadFrom().atYear(today.getYear()))
                && year <= programme.end().getYear();
    }

    /** The year's deadlines as its calendar will create them (the same rules as {@link #planYear}). */
    private List<Row> ahead(long operatorId, int year) {
        List<Row> rows = new ArrayList<>();
        for (Obligation ob : Obligation.values()) {
            if (ob == Obligation.BUDGET_NEXT_YEAR && year + 1 > programme.end().getYear()) {
                continue;
            }
            rows.add(new Row(0, 0, operatorId, year, ob, ob.dueIn(year, config.deadline(ob)), "AHEAD", null, null, false,
                    null));
        }
        rows.sort(Comparator.comparing(Row::dueDate));
        return rows;
    }

    void setStatus(long obligationId, String status) {
        obligations.setStatus(obligationId, status);
    }
}
