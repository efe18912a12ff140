package no.siva.programflyt.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.processes.BpmnModels;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.People;
import no.siva.programflyt.shared.BusinessRuleException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class TaskController {

    private final TaskService tasks;
    private final CaseDirectory cases;
    private final AuditService audit;
    private final BpmnModels models;
    private final Labels labels;

    private final Clock clock;
    private final People people;

    public TaskController(Clock clock, TaskService tasks, CaseDirectory cases, AuditService audit, BpmnModels models,
                          Labels labels, People people) {
        this.clock = clock;
        this.people = people;
        this.tasks = tasks;
        this.cases = cases;
        this.audit = audit;
        this.models = models;
        this.labels = labels;
    }

    @GetMapping("/tasks")
    public String inbox(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String view,
                        @RequestParam(required = false) String process, @RequestParam(required = false) String due,
                        @RequestParam(required = false) String county, @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String sort,
                        Model model) {
        TaskQuery query = TaskQuery.of(view, process, due, county, q);
        InboxSort order = InboxSort.parse(sort);
        Instant now = clock.instant();
        TaskService.InboxView inbox = tasks.inbox(user, query, now, page, order);
        var result = inbox.page();
        model.addAttribute("sort", order);
        model.addAttribute("claimable", result.getContent().stream()
                .filter(t -> t.getAssignee() == null && TaskService.canWorkOn(user, t)).map(UserTask::getId)
                .collect(Collectors.toSet()));
        // where a claim or a bulk assignment from the list comes back to: this very list
        model.addAttribute("listUrl", "/tasks?" + query.toQueryString()
                + (order.isDefault() ? "" : "&sort=" + order.value()) + (result.getNumber() > 0 ? "&page=" + result.getNumber() : ""));
        boolean canAssign = TaskService.canAssign(user);
        model.addAttribute("canAssign", canAssign);
        model.addAttribute("assignees", canAssign ? tasks.assignees() : List.of());
        model.addAttribute("query", query);
        model.addAttribute("tasks", result.getContent());
        model.addAttribute("page", result);
        model.addAttribute("now", now);
        model.addAttribute("dueSoon", tasks.dueSoonWindow());
        model.addAttribute("savedFilters", inbox.savedFilters());
        model.addAttribute("processes", models.processNamesWithUserTasks());
        model.addAttribute("counties", labels.countiesByName());
        return "tasks/inbox";
    }

    @PostMapping("/tasks/filters")
    public String saveFilter(@AuthenticationPrincipal CurrentUser user, @RequestParam String name,
                             @RequestParam(required = false) String view, @RequestParam(required = false) String process,
                             @RequestParam(required = false) String due, @RequestParam(required = false) String county,
                             @RequestParam(required = false) String q, RedirectAttributes flash) {
        TaskQuery query = TaskQuery.of(view, process, due, county, q);
        if (name == null || name.isBlank() || name.length() > 100) {
            flash.addFlashAttribute("errorKey", "task.filter.nameRequired");
        } else {
            tasks.saveFilter(user, name, query);
            flash.addFlashAttribute("successKey", "task.filter.saved");
        }
        return "redirect:/tasks?" + query.toQueryString();
    }

    @PostMapping("/tasks/filters/{id}/delete")
    public String deleteFilter(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        tasks.deleteFilter(user, id);
        return "redirect:/tasks";
    }

    @GetMapping("/tasks/{id}")
    public String task(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        UserTask task = tasks.getVisible(user, id);
        return render(user, task, tasks.initialSubmission(task), model);
    }

    private String render(CurrentUser user, UserTask task, FormSubmission submission, Model model) {
        model.addAttribute("task", task);
        model.addAttribute("form", tasks.formOf(task));
        model.addAttribute("submission", submission);
        model.addAttribute("canWork", TaskService.canWorkOn(user, task));
        model.addAttribute("canAssign", TaskService.canAssign(user) && task.isOpen());
        model.addAttribute("assignable", TaskService.canAssign(user) ? tasks.assignableUsers(task) : List.of());
        model.addAttribute("now", clock.instant());
        model.addAttribute("dueSoon", tasks.dueSoonWindow());
        // Someone may work on a task without seeing its case (operator staff on an admission's onboarding tasks).
        CaseInfo info = visibleCase(user, task);
        model.addAttribute("caseInfo", info);
        model.addAttribute("history", info == null ? List.of() : audit.forCase(info.caseType(), info.caseId()));
        // A panel belongs to its task: whoever may see the task sees it.
        TaskCompletionHandler.TaskPanel panel = tasks.panelOf(task);
        model.addAttribute("panel", panel);
        if (panel != null) {
            model.addAllAttributes(panel.model());
        }
        return "tasks/task";
    }

    @PostMapping("/tasks/{id}/claim")
    public String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                        @RequestParam(required = false) String back, RedirectAttributes flash) {
        String result = act(flash, id, "task.claimed", () -> tasks.claim(user, id));
        return listUrl(back) == null ? result : "redirect:" + listUrl(back);
    }

    /** A project leader gives the chosen tasks to one colleague (e.g. while another is on leave). */
    @PostMapping("/tasks/assign")
    public String assignMany(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) List<Long> ids,
                             @RequestParam(required = false) String assignee, @RequestParam(required = false) String back,
                             RedirectAttributes flash) {
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("errorKey", "task.bulk.noneChosen");
        } else if (assignee == null || assignee.isBlank()) {
            flash.addFlashAttribute("errorKey", "task.bulk.noAssignee");
        } else {
            try {
                TaskService.BulkResult r = tasks.assignMany(user, ids, assignee);
                flash.addFlashAttribute("successKey", r.skipped() == 0 ? "task.bulk.assigned" : "task.bulk.assignedSome");
                flash.addFlashAttribute("successArgs", new Object[] {r.done(), r.skipped(), people.name(assignee)});
            } catch (BusinessRuleException e) {
                flash.addFlashAttribute("errorKey", e.messageKey());
            }
        }
        String list = listUrl(back);
        return "redirect:" + (list == null ? "/tasks" : list);
    }

    /** Only the inbox itself is a place to come back to (never another site). */
    private static String listUrl(String back) {
        return back != null && back.startsWith("/tasks") && !back.startsWith("//") && !back.contains("\\")
                && !back.contains("\n") && !back.contains("\r") ? back : null;
    }

    @PostMapping("/tasks/{id}/unclaim")
    public String unclaim(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, id, "task.unclaimed", () -> tasks.unclaim(user, id));
    }

    @PostMapping("/tasks/{id}/assign")
    public String assign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                         @RequestParam String assignee, RedirectAttributes flash) {
        return act(flash, id, "task.assigned", () -> tasks.assign(user, id, assignee));
    }

    @PostMapping("/tasks/{id}/complete")
    public String complete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                           @RequestParam MultiValueMap<String, String> params, Locale locale, Model model,
                           RedirectAttributes flash) {
        UserTask task = tasks.getVisible(user, id);
        FormSubmission result;
        Map<String, List<String>> input = new HashMap<>(params);
        input.remove("_csrf");
        boolean change = input.remove("endre") != null;
        boolean confirmed = input.remove("bekreftet") != null;
        List<String> addRow = input.remove("leggTilRad");
        List<String> removeRow = input.remove("fjernRad");
        if (addRow != null || removeRow != null) {
            // a list's rows: one more, or one less; the form comes back as typed, nothing is checked or saved yet
            var form = tasks.formOf(task);
            Map<String, List<String>> rows = ListRows.edit(form, input, addRow == null ? null : addRow.get(0),
                    removeRow == null ? null : removeRow.get(0));
            model.addAttribute("focusList", addRow == null ? null : addRow.get(0));
            return render(user, task, new FormSubmission(Map.of(), Map.copyOf(rows), Map.of()), model);
        }
        if (change) {
            // back from the summary to the form, with everything as typed
            return render(user, task, new FormSubmission(Map.of(), Map.copyOf(input), Map.of()), model);
        }
        try {
            if (tasks.confirmsBeforeSaving(task) && !confirmed) {
                // a formal decision is summarised and confirmed before it is saved: nothing is saved yet
                result = tasks.check(user, id, Map.copyOf(input), locale);
                if (result.valid()) {
                    model.addAttribute("confirmation", tasks.summary(task, result));
                    return render(user, task, result, model);
                }
            } else {
                result = tasks.complete(user, id, Map.copyOf(input), locale);
            }
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
            if ("task.error.goneAfterSaving".equals(e.messageKey())) {
                // saved, but the process had moved on: the case page shows where it is now
                CaseInfo info = visibleCase(user, task);
                return info != null ? "redirect:" + info.url() : "redirect:/tasks";
            }
            return "redirect:/tasks/" + id;
        }
        if (!result.valid()) {
            model.addAttribute("formInvalid", true);
            return render(user, task, result, model);
        }
        flash.addFlashAttribute("successKey", "task.completed");
        flash.addFlashAttribute("successArgs", new Object[] {task.getName()});
        CaseInfo info = visibleCase(user, task);
        return info != null ? "redirect:" + info.url() : "redirect:/tasks";
    }

    private CaseInfo visibleCase(CurrentUser user, UserTask task) {
        return cases.find(task.getCaseType(), task.getCaseId()).filter(c -> CaseDirectory.canView(user, c)).orElse(null);
    }

    private static String act(RedirectAttributes flash, long id, String successKey, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("successKey", successKey);
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/tasks/" + id;
    }
}
