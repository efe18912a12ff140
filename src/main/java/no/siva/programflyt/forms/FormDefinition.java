package no.siva.programflyt.forms;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

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
            if (c.isInput()) {
                out.add(c);
            }
            collect(c.components(), out);
        }
    }
}
