package no.siva.programflyt.targetcompany;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import no.siva.programflyt.tasks.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator is out of the programme (extraordinary follow-up, «Avvikle målbedriftene»): each of its target
 * companies is wound down ({@link TargetCompanyService#windDown}), and the open tasks of a company whose admission was
 * cancelled leave the task list, in the same transaction. The module's job for it and the follow-up's earlier one-job
 * termination both call it.
 */
@Service
public class OperatorWindDown {

    private final TargetCompanyService companies;
    private final TaskService tasks;
    private final Clock clock;

    OperatorWindDown(TargetCompanyService companies, TaskService tasks, Clock clock) {
        this.companies = companies;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Transactional
    public void windDown(long operatorId, String reason) {
        for (long withdrawn : companies.windDown(operatorId, LocalDate.now(clock), reason)) {
            tasks.cancelOpen(TargetCompanyService.CASE_TYPE, withdrawn, Set.of(TargetCompanyService.PROCESS_ID,
                    TargetCompanyService.ADMISSION_PROCESS_ID), "operatøren er tatt ut av programmet");
        }
    }
}
