package no.siva.programflyt.incidents;

import io.camunda.client.api.response.ActivatedJob;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link IncidentJobs} in SQL, part of {@link IncidentRepository} (Spring Data's custom fragment). */
class IncidentJobsImpl implements IncidentJobs {

    private final JdbcClient jdbc;

    IncidentJobsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean recordOnce(ActivatedJob job, String message, String caseType, Long caseId, String businessKey,
                              Instant at) {
        return jdbc.sql("""
                insert into incident (job_key, process_instance_key, bpmn_process_id, element_id, job_type,
                                      error_message, case_type, case_id, business_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (job_key) where resolved_at is null do nothing""")
                .params(job.getKey(), job.getProcessInstanceKey(), job.getBpmnProcessId(), job.getElementId(),
                        job.getType(), message, caseType, caseId, businessKey, Timestamp.from(at))
                .update() == 1;
    }

    @Override
    public void forgetOpen(long jobKey) {
        jdbc.sql("delete from incident where job_key = ? and resolved_at is null").param(jobKey).update();
    }
}
