package no.siva.programflyt.tasks;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a case page's process diagram marks: the element ids of its open and completed tasks (comma-separated, for
 * the viewer) and the open tasks' names (the caption's text). A task of a called process (a target company's year,
 * a county's part of a round) marks the call activity of the case's own process that leads to it: the step the case
 * is in. Rendered by {@code fragments :: diagram}.
 */
public record CaseDiagram(String processId, String activeSteps, String doneSteps, String activeStepNames) {

    public static CaseDiagram of(String processId, List<UserTask> tasks) {
        Set<String> active = new LinkedHashSet<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> activeNames = new LinkedHashSet<>();
        for (UserTask t : tasks) {
            String element = elementIn(processId, t.getBpmnProcessId(), t.getElementId());
            if (element == null) {
                continue;
            }
            if (t.isOpen()) {
                active.add(element);
                activeNames.add(t.getName());
            } else {
                done.add(element);
            }
        }
        done.removeAll(active);   // a call activity with an open task inside is where the case is, not behind it
        return new CaseDiagram(processId, String.join(",", active), String.join(",", done), String.join(", ", activeNames));
    }

    /** The element of {@code processId}'s own diagram that stands for a task's element: itself, or its call activity. */
    static String elementIn(String processId, String taskProcessId, String elementId) {
        String process = taskProcessId == null ? processId : taskProcessId;
        String element = elementId;
        for (int depth = 0; depth < 5 && !processId.equals(process); depth++) {
            Caller caller = Callers.BY_CALLED.get(process);
            if (caller == null) {
                return null;   // a process this case's diagram does not lead to
            }
            process = caller.processId();
            element = caller.callActivityId();
        }
        return processId.equals(process) ? element : null;
    }

    /** A call activity that starts a process: which process it is in and its id. */
    record Caller(String processId, String callActivityId) {}

    /** Each called process with the call activity that calls it, read once from the BPMN files. */
    private static final class Callers {
        static final Map<String, Caller> BY_CALLED = read();

        private static Map<String, Caller> read() {
            Map<String, Caller> callers = new HashMap<>();
            try {
                for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:/processes/*.bpmn")) {
                    try (InputStream in = r.getInputStream()) {
                        BpmnModelInstance model = Bpmn.readModelFromStream(in);
                        for (CallActivity ca : model.getModelElementsByType(CallActivity.class)) {
                            ZeebeCalledElement called = ca.getSingleExtensionElement(ZeebeCalledElement.class);
                            ModelElementInstance parent = ca.getParentElement();
                            while (parent != null && !(parent instanceof Process)) {
                                parent = parent.getParentElement();
                            }
                            if (called != null && parent != null) {
                                callers.putIfAbsent(called.getProcessId(), new Caller(((Process) parent).getId(), ca.getId()));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(callers);
        }
    }
}
