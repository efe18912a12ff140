package no.siva.programflyt.targetcompany;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.processes.EngineCommands;
import no.siva.programflyt.processes.ProcessMessage;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.OrgNumber;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process 4: each target company's lifecycle. The case lives here; the process instance carries its id, the org
 * number as business key, the operator (for the candidate group) and the few dates its timers need.
 */
@Service
public class TargetCompanyService {

    public static final String CASE_TYPE = "TARGET_COMPANY";
    public static final String PROCESS_ID = "target-company-lifecycle";
    public static final String ADMISSION_PROCESS_ID = "target-company-admission";
    public static final String YEAR_PROCESS_ID = "target-company-active-year";
    public static final ProcessMessage EXIT_MESSAGE = ProcessMessage.caught("malbedrift-exit", "=string(caseId)");

    private final TargetCompanyRepository companies;
    private final OperatorRepository operators;
    private final AuditService audit;
    private final CamundaClient client;
    private final EngineCommands engine;
    private final TransactionTemplate tx;

    private final Clock clock;

    public TargetCompanyService(Clock clock, TargetCompanyRepository companies, OperatorRepository operators, AuditService audit,
                                CamundaClient client, TransactionTemplate tx, EngineCommands engine) {
        this.clock = clock;
        this.engine = engine;
        this.companies = companies;
        this.operators = operators;
        this.audit = audit;
        this.client = client;
        this.tx = tx;
    }

    /** Siva sees all; operator staff their operator's; county officials those of operators in their counties. */
    @Transactional(readOnly = true)
    public List<TargetCompany> visibleTo(CurrentUser user) {
        if (user.hasNationalScope()) {
            return companies.findAllByOrderByName();
        }
        if (user.isOperatorUser() && user.operatorId() != null) {
            return companies.findByOperatorIdOrderByName(user.operatorId());
        }
        if (user.isCountyOfficial()) {
            return operators.findByCountyCodeInOrderByName(user.counties()).stream()
                    .flatMap(o -> companies.findByOperatorIdOrderByName(o.getId()).stream()).toList();
        }
        return List.of();
    }

    @Transactional(readOnly = true)
    public TargetCompany getVisible(CurrentUser user, long id) {
        TargetCompany c = companies.findById(id).orElseThrow(() -> new NotFoundException("target company " + id));
        if (!CaseDirectory.canView(user, TargetCompanyCaseProvider.info(c, operators))) {
            throw new NotFoundException("target company " + id);
        }
        return c;
    }

    /** Operator staff work on their own companies; Siva case handlers may act on any. */
    public static boolean mayWork(CurrentUser user, TargetCompany c) {
        return user.isAdmin() || user.has(Role.SIVA_SAKSBEHANDLER)
                || (user.isOperatorUser() && c.getOperatorId().equals(user.operatorId()));
    }

    /**
     * The command that starts a company's lifecycle: from registration, or (imported, already admitted) at its first
     * active year.
     */
    static CreateProcessInstanceCommandStep3 lifecycleStart(CamundaClient client, TargetCompany c, boolean imported) {
        Map<String, Object> vars = new HashMap<>(Map.of("caseId", c.getId(), "businessKey", c.getOrgNumber(),
                "operatorId", c.getOperatorId(), "operatorGroup", List.of("operator-" + c.getOperatorId())));
        var command = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion();
        if (!imported) {
            return command.variables(vars);
        }
        vars.put("admitted", true);
        return command.variables(vars).startBeforeElement("aktivt-ar");
    }

    /**
     * Registers a target company for an operator and starts its lifecycle. The case is committed first (the first
     * task needs it) and removed again if the engine refuses; a second open case for the same company is refused.
     */
    public TargetCompany register(CurrentUser user, long operatorId, String orgNumber, String name, String email) {
        if (!user.actsFor(operatorId)) {
            throw new AccessDeniedException("not this operator's staff");
        }
        Operator operator = operators.findById(operatorId).orElseThrow(() -> new NotFoundException("operator " + operatorId));
        String org = OrgNumber.normalize(orgNumber);
        TargetCompany saved;
        try {
            saved = tx.execute(s -> {
                TargetCompany c = companies.saveAndFlush(new TargetCompany(operator.getId(), org, name.trim(),
                        email == null || email.isBlank() ? null : email.trim(), null, user.username(), clock.instant()));
                audit.record(user.username(), "TARGET_COMPANY_REGISTERED", CASE_TYPE, c.getId(), org,
                        "Målbedrift registrert hos " + operator.getName() + ": " + c.getName(), null);
                return c;
            });
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("targetcompany.error.alreadyOpen");
        }
        long key;
        try {
            key = lifecycleStart(client, saved, false).send().join().getProcessInstanceKey();
        } catch (RuntimeException e) {
            tx.executeWithoutResult(s -> companies.deleteById(saved.getId()));
            throw e;
        }
        return tx.execute(s -> {
            TargetCompany c = companies.findForUpdate(saved.getId()).orElseThrow();
            c.started(key);
            return c;
        });
    }

    /**
     * Ends the agreement early (the operator's decision, lost SME status, takeover, or the operator's own termination):
     * the lifecycle hears it as a message. The message id makes a second click (or a second trigger) a no-op.
     */
    public void requestExit(CurrentUser user, long id, ExitReason reason, LocalDate date) {
        TargetCompany c = getVisible(user, id);
        if (!mayWork(user, c) && reason != ExitReason.OPERATOR_TERMINATED) {
            throw new AccessDeniedException("may not end this agreement");
        }
        if (c.getStatus() == TargetCompanyStatus.EXITED && c.getExitReason() == reason && date.equals(c.getExitDate())) {
            return;   // the same request again (a second click, a repeated trigger): already done
        }
        if (c.getStatus() != TargetCompanyStatus.ACTIVE) {
            throw new BusinessRuleException("targetcompany.error.notActive");
        }
        if (date.isBefore(c.getAgreementStart())) {
            throw new BusinessRuleException("targetcompany.error.exitBeforeStart");
        }
        publishExit(c, reason, date, user.username());
    }

    /**
     * Winds down every target company of an operator whose cooperation agreement is revoked (extraordinary
     * follow-up): an active agreement ends through its lifecycle (exit message: portal registration and exit survey
     * follow); a company still in admission has its process cancelled and is recorded as out of the programme.
     * Safe to call twice: exited companies are left alone and the exit message has a fixed id.
     *
     * @return the ids of the companies whose admission was cancelled (their open tasks are for the caller to drop)
     */
    @Transactional
    public List<Long> windDown(long operatorId, LocalDate date, String reason) {
        List<Long> withdrawn = new ArrayList<>();
        for (TargetCompany listed : companies.findByOperatorIdOrderByName(operatorId)) {
            TargetCompany c = load(listed.getId());
            if (c.getStatus() == TargetCompanyStatus.ACTIVE) {
                publishExit(c, ExitReason.OPERATOR_TERMINATED, date.isBefore(c.getAgreementStart()) ? c.getAgreementStart() : date,
                        AuditService.SYSTEM);
            } else if (!c.getStatus().closed()) {
                if (c.getProcessInstanceKey() != null) {
                    engine.cancelIfPresent(c.getProcessInstanceKey());
                }
                c.exited(date, ExitReason.OPERATOR_TERMINATED);
                withdrawn.add(c.getId());
                audit.record(AuditService.SYSTEM, "TARGET_COMPANY_WITHDRAWN", CASE_TYPE, c.getId(), c.getOrgNumber(),
                        "Opptaket er avbrutt fordi operatøren er tatt ut av programmet: " + reason, null);
            }
        }
        return withdrawn;
    }

    private void publishExit(TargetCompany c, ExitReason reason, LocalDate date, String actor) {
        long id = c.getId();
        Map<String, Object> vars = new HashMap<>();
        vars.put("exitReason", reason.name());
        vars.put("exitDate", date.toString());
        engine.publishOnce(EXIT_MESSAGE, Long.toString(id), EXIT_MESSAGE.idFor(Long.toString(id)), Duration.ofDays(7), vars);
        tx.executeWithoutResult(s -> audit.record(actor, "EXIT_REQUESTED", CASE_TYPE, id, c.getOrgNumber(),
                "Avslutning av målbedriftsavtalen er bedt om: " + reason.name() + " fra " + date, null));
    }

    TargetCompany load(long id) {
        return companies.findForUpdate(id).orElseThrow(() -> new NotFoundException("target company " + id));
    }
}
