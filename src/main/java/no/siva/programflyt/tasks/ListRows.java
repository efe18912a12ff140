package no.siva.programflyt.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.forms.FormComponent;
import no.siva.programflyt.forms.FormDefinition;
import no.siva.programflyt.forms.FormSubmission;

/** «Legg til rad» and «Fjern rad» of a form's dynamic list: the typed input with a row more, or a row less. */
final class ListRows {

    private ListRows() {}

    /**
     * @param add    the path of the list that gets an empty row at its end, or null
     * @param remove "path:row" of the row to take out (the rows after it move up), or null
     */
    static Map<String, List<String>> edit(FormDefinition form, Map<String, List<String>> input, String add, String remove) {
        Map<String, List<String>> out = new LinkedHashMap<>(input);
        for (FormComponent list : form.lists()) {
            int rows = new FormSubmission(Map.of(), input, Map.of()).rows(list.path(), list.startRows());
            if (list.path().equals(add) && rows < 200 && !list.children().isEmpty()) {
                out.put(FormComponent.rowKey(list.path(), rows, list.children().get(0).key()), List.of(""));
            }
            if (remove != null && remove.startsWith(list.path() + ":")) {
                int gone;
                try {
                    gone = Integer.parseInt(remove.substring(list.path().length() + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                for (int row = gone; row < rows; row++) {
                    for (FormComponent c : list.children()) {
                        String next = FormComponent.rowKey(list.path(), row + 1, c.key());
                        String here = FormComponent.rowKey(list.path(), row, c.key());
                        if (row + 1 < rows) {
                            out.put(here, out.getOrDefault(next, List.of()));
                        } else {
                            out.remove(here);
                        }
                    }
                }
            }
        }
        return out;
    }
}
