package no.siva.programflyt.processes;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Reads the deployed BPMN files once: the Norwegian names of steps (jobs carry only element ids) and each service
 * task's retries, which the model alone sets (the back-off counts the failures from them).
 */
@Component
public class BpmnModels {

    /** The engine's own default for a service task without retries. */
    static final int DEFAULT_RETRIES = 3;

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> processNames = new HashMap<>();
    private final Set<String> withUserTasks = new HashSet<>();
    private final Map<String, Integer> retries = new HashMap<>();

    public BpmnModels() {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:/processes/*.bpmn")) {
                try (InputStream in = r.getInputStream()) {
                    BpmnModelInstance model = Bpmn.readModelFromStream(in);
                    for (UserTask t : model
                            .getModelElementsByType(UserTask.class)) {
                        ModelElementInstance parent = t.getParentElement();
                        while (parent != null && !(parent instanceof Process)) {
                            parent = parent.getParentElement();
                        }
                        if (parent != null) {
                            withUserTasks.add(((Process) parent).getId());
                        }
                    }
                    for (Process p : model.getModelElementsByType(Process.class)) {
                        processNames.put(p.getId(), p.getName() == null ? p.getId() : p.getName());
                        for (FlowElement e : p.getFlowElements()) {
                            if (e.getName() != null) {
                                names.put(p.getId() + "/" + e.getId(), e.getName());
                            }
                            ZeebeTaskDefinition task = e.getSingleExtensionElement(ZeebeTaskDefinition.class);
                            if (task != null && task.getRetries() != null && !task.getRetries().startsWith("=")) {
                                retries.put(p.getId() + "/" + e.getId(), Integer.parseInt(task.getRetries()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String elementName(String processId, String elementId) {
        return Optional.ofNullable(names.get(processId + "/" + elementId)).orElse(elementId);
    }

    /** The retries the model gives a task (Zeebe's default of 3 when it states none). */
    public int retries(String processId, String elementId) {
        return retries.getOrDefault(processId + "/" + elementId, DEFAULT_RETRIES);
    }

    public String processName(String processId) {
        return processNames.getOrDefault(processId, processId);
    }

    /** The processes that have user tasks: the only ones the task list can be filtered by. */
    public Map<String, String> processNamesWithUserTasks() {
        Map<String, String> m = new HashMap<>(processNames);
        m.keySet().retainAll(withUserTasks);
        return Map.copyOf(m);
    }

    public Map<String, String> processNames() {
        return Map.copyOf(processNames);
    }
}
