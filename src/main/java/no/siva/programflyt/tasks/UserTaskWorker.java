package no.siva.programflyt.tasks;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * Every BPMN user task reaches the app as a job of this type (job-based user tasks). The job stays activated while
 * the task is open and is completed by {@link TaskService#complete}. If the job times out it is activated again and
 * the projection, keyed by job key, ignores it. The only class that knows user tasks are jobs, with
 * {@link UserTaskProjection} and {@link TaskService#complete}.
 */
@Component
public class UserTaskWorker {

    public static final String JOB_TYPE = "io.camunda.zeebe:userTask";

    private final UserTaskProjection projection;

    public UserTaskWorker(UserTaskProjection projection) {
        this.projection = projection;
    }

    @JobWorker(type = JOB_TYPE, autoComplete = false, timeout = 7L * 24 * 3600 * 1000, maxJobsActive = 64, fetchVariables = {"caseId",
            "businessKey", "countyCode", "operatorId", "taskForm", "taskName", "subjectId"})
    public void onUserTask(ActivatedJob job) {
        projection.project(job);
    }
}
