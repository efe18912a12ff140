package no.siva.programflyt.tasks;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a case page's process diagram marks: the element ids of its open and completed tasks (comma-separated, for
 * the viewer) and the open tasks' names (the caption's text). Rendered by {@code fragments :: diagram}.
 */
public record CaseDiagram(String processId, String activeSteps, String doneSteps, String activeStepNames) {

    public static CaseDiagram of(String processId, List<UserTask> tasks) {
        return new CaseDiagram(processId, join(tasks, UserTask::isOpen, UserTask::getElementId, ","),
                join(tasks, t -> !t.isOpen(), UserTask::getElementId, ","), join(tasks, UserTask::isOpen, UserTask::getName, ", "));
    }

    private static String join(List<UserTask> tasks, Predicate<UserTask> which,
                               java.util.function.Function<UserTask, String> what, String separator) {
        return tasks.stream().filter(which).map(what).distinct().collect(Collectors.joining(separator));
    }
}
