package no.siva.programflyt.forms;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A Camunda Forms JSON file from {@code forms/}, as deployed to the engine and rendered by the app. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormDefinition(String id, List<FormComponent> components) {

    /** Every input component, groups flattened, in document order. */
    public List<FormComponent> inputs() {
        List<FormComponent> out = new ArrayList<>();
        collect(components, out);
        return out;
    }

    private static void collect(List<FormComponent> list, List<FormComponent> out) {
        if (list == null) {
            return;
        }
        for (FormComponent c : list) {
            if (c.isList()) {
                continue;   // a list's fields repeat per row: see lists()
            }
            if (c.isInput()) {
                out.add(c);
            }
            collect(c.components(), out);
        }
    }

    /**
     * The label a message names a field by: its own, and where several fields share it (the eight criteria's
     * «Vurdering» and «Begrunnelse»), with the label of the group it is in: «Begrunnelse (1. Aksjeselskap …)».
     */
    public Map<String, String> messageLabels() {
        Map<String, String> group = new HashMap<>();
        collectGroups(components, null, group);
        Map<String, Long> count = inputs().stream()
                .collect(Collectors.groupingBy(FormComponent::displayLabel, Collectors.counting()));
        Map<String, String> out = new HashMap<>();
        for (FormComponent c : inputs()) {
            String g = group.get(c.key());
            out.put(c.key(), count.get(c.displayLabel()) > 1 && g != null ? c.displayLabel() + " (" + g + ")" : c.displayLabel());
        }
        return out;
    }

    private static void collectGroups(List<FormComponent> list, String groupLabel, Map<String, String> out) {
        if (list == null) {
            return;
        }
        for (FormComponent c : list) {
            if (c.isInput() && groupLabel != null) {
                out.put(c.key(), groupLabel);
            }
            if (!c.isList()) {
                collectGroups(c.components(), "group".equals(c.type()) && c.label() != null ? c.label() : groupLabel, out);
            }
        }
    }

    /** Every dynamic list (rows of fields), in document order. */
    public List<FormComponent> lists() {
        List<FormComponent> out = new ArrayList<>();
        collectLists(components, out);
        return out;
    }

    private static void collectLists(List<FormComponent> list, List<FormComponent> out) {
        if (list == null) {
            return;
        }
        for (FormComponent c : list) {
            if (c.isList()) {
                out.add(c);
            } else {
                collectLists(c.components(), out);
            }
        }
    }
}
