package no.siva.programflyt.reporting;

import java.util.List;
import java.util.Set;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.processes.EngineCommands;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorService;
import no.siva.programflyt.tasks.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends an operator's reporting calendar when it leaves the programme. */
@Service
class ReportingStop {

    private final ReportingYears years;
    private final ObligationRows obligations;
    private final EngineCommands engine;
    private final TaskService tasks;
    private final OperatorRepository operators;
    private final AuditService audit;

    ReportingStop(ReportingYears years, ObligationRows obligations, EngineCommands engine, TaskService tasks, OperatorRepository operators,
                  AuditService audit) {
        this.years = years;
        this.obligations = obligations;
        this.engine = engine;
        this.tasks = tasks;
        this.operators = operators;
        this.audit = audit;
    }

    /**
     * Stops an operator's reporting for good (its cooperation agreement is revoked): every calendar instance is
     * cancelled in the engine, every obligation not yet met is marked cancelled, and their open tasks leave the list.
     * Safe to call twice (an instance already gone is passed over, the trail's line is written once).
     *
     * @return how many obligations were cancelled
     */
    @Transactional
    public int stopForOperator(long operatorId, String reason) {
        List<long[]> years = this.years.forOperator(operatorId);
        int canceled = 0;
        for (long[] y : years) {
            if (y[1] != 0) {
                engine.cancelIfPresent(y[1]);
            }
            canceled += obligations.cancelOpen(y[0]);
            tasks.cancelOpen(ReportingService.CASE_TYPE, y[0],
                    Set.of(ReportingService.PROCESS_ID, ReportingService.OBLIGATION_PROCESS_ID), reason);
        }
        Operator o = operators.findById(operatorId).orElseThrow();
        // once per stop (keyed by its reason, which names the follow-up case): a redelivered job writes no second line
        audit.recordOnce(AuditService.SYSTEM, "REPORTING_STOPPED", OperatorService.CASE_TYPE, operatorId, o.getOrgNumber(),
                "Rapporteringskalenderen er stoppet (" + canceled + " frister bortfaller): " + reason, reason);
        return canceled;
    }

}
