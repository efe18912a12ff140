package no.siva.programflyt.tasks;

import java.util.Locale;
import java.util.Map;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.security.CurrentUser;

/**
 * A process module's part in completing its tasks: extra rules across fields, storing the case data in its own
 * tables, and choosing the few variables the engine's gateways need. Runs in the completion's transaction.
 */
public interface TaskCompletionHandler {

    String bpmnProcessId();

    /** Rules the schema cannot express (e.g. an amount required only on approval); returns it with errors added. */
    default FormSubmission validate(UserTask task, FormSubmission submission, Locale locale) {
        return submission;
    }

    /** Stores what was decided; returns the variables to complete the job with. */
    Map<String, Object> onComplete(UserTask task, FormSubmission submission, CurrentUser user);
}
