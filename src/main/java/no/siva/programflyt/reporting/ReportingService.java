package no.siva.programflyt.reporting;

import io.camunda.client.CamundaClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final OperatorRepository operators;
    private final ReportingProperties config;
    private final CamundaClient client;
    private final AuditService audit;
    private final TransactionTemplate tx;

    private final Clock clock;

    private final ProgrammePeriod programme;

    public ReportingService(Clock clock, JdbcClient jdbc, OperatorRepository operators, ReportingProperties config,
                            CamundaClient client, AuditService audit, TransactionTemplate tx,
                            ProgrammePeriod programme) {
        this.clock = clock;
        this.programme = programme;
        this.jdbc = jdbc;
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
        Long id = tx.execute(s -> jdbc.sql("""
                insert into reporting_year (operator_id, year, created_at) values (?, ?, ?)
                on conflict (operator_id, year) do nothing returning id""").params(operatorId, year, Timestamp.from(clock.instant()))
                .query(Long.class).optional().orElse(null));
        if (id == null) {
            return Optional.empty();
        }
        long key = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
                .variables(Map.of("operatorId", operatorId, "year", year, "caseId", id,
                        "businessKey", o.getOrgNumber() + "-" + year))
                .send().join().getProcessInstanceKey();
        tx.executeWithoutResult(s -> jdbc.sql("update reporting_year set process_instance_key = ? where id = ?")
                .params(key, id).update());
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
        jdbc.sql("""
                insert into reporting_year (operator_id, year, process_instance_key, created_at) values (?, ?, ?, ?)
                on conflict (operator_id, year) do update set process_instance_key =
                    coalesce(reporting_year.process_instance_key, excluded.process_instance_key)""")
                .params(operatorId, year, processInstanceKey, Timestamp.from(clock.instant())).update();
        long yearId = jdbc.sql("select id from reporting_year where operator_id = ? and year = ?")
                .params(operatorId, year).query(Long.class).single();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Obligation ob : Obligation.values()) {
            if (ob == Obligation.BUDGET_NEXT_YEAR && year + 1 > programme.end().getYear()) {
                continue;   // no budget for a year after the programme
            }
            LocalDate due = ob.dueIn(year, config.deadline(ob));
            if (due.isBefore(from)) {
                continue;
            }
            jdbc.sql("""
                    insert into reporting_obligation (reporting_year_id, operator_id, year, code, due_date, status)
                    values (?, ?, ?, ?, ?, 'PLANNED') on conflict (reporting_year_id, code) do nothing""")
                    .params(yearId, operatorId, year, ob.name(), due).update();
            long obligationId = jdbc.sql("select id from reporting_obligation where reporting_year_id = ? and code = ?")
                    .params(yearId, ob.name()).query(Long.class).single();
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
        return jdbc.sql(SELECT + " where o.id = ?").param(obligationId).query(ReportingService::map).optional()
                .orElseThrow(() -> new NotFoundException("obligation " + obligationId));
    }

    Row lockRow(long obligationId) {
        return jdbc.sql(SELECT + " where o.id = ? for update of o").param(obligationId).query(ReportingService::map).optional()
                .orElseThrow(() -> new NotFoundException("obligation " + obligationId));
    }

    public List<Row> forOperator(long operatorId, int year) {
        return jdbc.sql(SELECT + " where o.operator_id = ? and o.year = ? order by o.due_date, o.id").params(operatorId, year)
                .query(ReportingService::map).list();
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
        List<Row> rows = jdbc
                .sql(SELECT + " where o.year = ? order by (o.status <> 'DONE' and o.due_date < ?) desc, o.due_date, o.operator_id")
                .params(year, today).query(ReportingService::map).list();
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
        jdbc.sql("update reporting_obligation set status = ? where id = ?").params(status, obligationId).update();
    }

    private static final String SELECT = """
            select o.id, o.reporting_year_id, o.operator_id, o.year, o.code, o.due_date, o.status, o.submitted_by,
                o.rejection_reason, o.locked,
                (select t.id from user_task t where t.subject_id = o.id and t.case_type = 'REPORTING'
                    order by (t.state = 'OPEN') desc, t.id desc limit 1)
            from reporting_obligation o""";

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), Obligation.valueOf(rs.getString(5)),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                rs.getObject(11, Long.class));
    }

}
