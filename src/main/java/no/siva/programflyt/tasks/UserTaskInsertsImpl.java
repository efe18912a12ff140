package no.siva.programflyt.tasks;

import java.time.Instant;
import no.siva.programflyt.shared.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link UserTaskInserts} in SQL, part of {@link UserTaskRepository} (Spring Data's custom fragment). */
class UserTaskInsertsImpl implements UserTaskInserts {

    private final JdbcClient jdbc;

    UserTaskInsertsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertIfAbsent(NewTask t, Instant at) {
        return jdbc.sql("""
                insert into user_task (job_key, process_instance_key, bpmn_process_id, element_id, name, form_id,
                                       candidate_groups, assignee, due_at, follow_up_at, state, case_type, case_id,
                                       business_key, case_title, county_code, operator_id, subject_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (job_key) do nothing""")
                .params(t.jobKey(), t.processInstanceKey(), t.bpmnProcessId(), t.elementId(), t.name(), t.formId(),
                        t.candidateGroups(), t.assignee(), SqlTimes.timestamp(t.dueAt()), SqlTimes.timestamp(t.followUpAt()),
                        t.caseType(), t.caseId(), t.businessKey(), t.caseTitle(), t.countyCode(), t.operatorId(),
                        t.subjectId(), SqlTimes.timestamp(at))
                .update() == 1;
    }
}
