package no.siva.programflyt.tasks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.security.CurrentUser;

/**
 * A process module's part in its tasks: what the form starts with, a panel of facts beside it, extra rules across
 * fields, storing the case data in its own tables, and choosing the few variables the engine's gateways need.
 */
public interface TaskCompletionHandler {

    /** The processes whose user tasks this handler completes (a process and the ones it calls). */
    Set<String> bpmnProcessIds();

    /** Values the form starts with, as raw input (e.g. what a register proves). */
    default Map<String, List<String>> prefill(UserTask task) {
        return Map.of();
    }

    /** A fragment shown beside the form, e.g. the register data, or null. */
    /** True for a task whose completion the user confirms on a summary before it is saved (a formal decision). */
    default boolean confirmsBeforeSaving(UserTask task) {
        return false;
    }

    default TaskPanel panel(UserTask task) {
        return null;
    }

    /** Rules the schema cannot express (e.g. an amount required only on approval); returns it with errors added. */
    default FormSubmission validate(UserTask task, FormSubmission submission, Locale locale) {
        return submission;
    }

    /** Stores what was decided; returns the variables to complete the job with. Runs in the completion's transaction. */
    Map<String, Object> onComplete(UserTask task, FormSubmission submission, CurrentUser user);

    /**
     * A Thymeleaf fragment and its model, shown on the task page.
     *
     * @param template e.g. "admission/panels"
     * @param fragment e.g. "register"
     */
    record TaskPanel(String template, String fragment, Map<String, Object> model) {}
}
