package no.siva.programflyt.incidents;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;

/** The incident table's writes keyed by the engine's job: one open incident per job, however often it is reported. */
interface IncidentJobs {

    /** Records the job's incident unless one is open for it already; whether it was recorded now. */
    boolean recordOnce(ActivatedJob job, String message, String caseType, Long caseId, String businessKey, Instant at);

    /** Removes the open incident of a job the engine, after all, did not fail for good. */
    void forgetOpen(long jobKey);
}
