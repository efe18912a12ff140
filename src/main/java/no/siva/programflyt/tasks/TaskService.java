package no.siva.programflyt.tasks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.forms.FormDefinition;
import no.siva.programflyt.forms.FormRepository;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.forms.FormValidator;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.DueSoon;
import no.siva.programflyt.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task list: who sees and may work on which task, claim and assignment, and completion, where exactly one
 * of two concurrent completions wins.
 */
@Service
public class TaskService {

    private final UserTaskRepository tasks;
    private final SavedTaskFilterRepository filters;
    private final AppUserRepository users;
    private final FormRepository forms;
    private final FormValidator validator;
    private final AuditService audit;
    private final CamundaClient client;
    private final Map<String, TaskCompletionHandler> handlers;
    private final Duration dueSoon;
    private final Duration engineTimeout;
    @PersistenceContext
    private EntityManager entityManager;

    private final Clock clock;

    public TaskService(Clock clock, UserTaskRepository tasks, SavedTaskFilterRepository filters, AppUserRepository users,
                       FormRepository forms, FormValidator validator, AuditService audit, CamundaClient client,
                       List<TaskCompletionHandler> handlers,
                       @Value("${programflyt.tasks.due-soon:P3D}") Duration dueSoon,
                       @Value("${programflyt.tasks.engine-timeout:PT10S}") Duration engineTimeout) {
        this.clock = clock;
        this.engineTimeout = engineTimeout;
        this.tasks = tasks;
        this.filters = filters;
        this.users = users;
        this.forms = forms;
        this.validator = validator;
        this.audit = audit;
        this.client = client;
        this.handlers = new java.util.HashMap<>();
        for (TaskCompletionHandler h : handlers) {
            h.bpmnProcessIds().forEach(id -> this.handlers.put(id, h));
        }
        this.dueSoon = dueSoon;
    }

    // ---- access ------------------------------------------------------------------------------------------------

    /** May see the task: its assignee, a member of one of its candidate groups, or a project leader/admin. */
    public static boolean canSee(CurrentUser user, UserTask task) {
        return user.seesEverything() || user.username().equals(task.getAssignee()) || canWorkOn(user, task);
    }

    /** May claim and complete: a member of one of the task's candidate groups (groups carry the county scope). */
    public static boolean canWorkOn(CurrentUser user, UserTask task) {
        return task.candidateGroupList().stream().anyMatch(user.groups()::contains)
                || user.username().equals(task.getAssignee());
    }

    /** Siva staff and administrators may hand tasks to others. */
    public static boolean canAssign(CurrentUser user) {
        return user.isSiva() || user.isAdmin();
    }

    @Transactional(readOnly = true)
    public UserTask getVisible(CurrentUser user, long id) {
        return tasks.findById(id).filter(t -> canSee(user, t))
                .orElseThrow(() -> new NotFoundException("task " + id));
    }

    // ---- inbox -------------------------------------------------------------------------------------------------

    /** Rows per inbox page: an operator with thousands of companies must not get thousands of rows (bench/README.md). */
    public static final int INBOX_PAGE_SIZE = 50;
    // PostgreSQL sorts nulls last in ascending order: tasks without a due date come last.
    private static final Sort INBOX_ORDER = Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("createdAt"), Sort.Order.asc("id"));

    /** One page of the inbox, earliest due first, with the number of tasks in all pages. */
    @Transactional(readOnly = true)
    public Page<UserTask> inboxPage(CurrentUser user, TaskQuery query, Instant now, int page) {
        return inboxPage(user, query, now, page, InboxSort.DEFAULT);
    }

    /** One page of the inbox in the order the user chose by a column heading. */
    @Transactional(readOnly = true)
    public Page<UserTask> inboxPage(CurrentUser user, TaskQuery query, Instant now, int page, InboxSort sort) {
        Sort order = sort.isDefault() ? INBOX_ORDER
                : Sort.by(new Sort.Order(sort.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC, sort.property()),
                        Sort.Order.asc("id"));
        return tasks.findAll(inboxFilter(user, query, now), PageRequest.of(Math.max(0, page), INBOX_PAGE_SIZE, order));
    }

    /** How many tasks the inbox would list (the home page's counts), without reading them. */
    @Transactional(readOnly = true)
    public long inboxCount(CurrentUser user, TaskQuery query, Instant now) {
        return tasks.count(inboxFilter(user, query, now));
    }

    private Specification<UserTask> inboxFilter(CurrentUser user, TaskQuery query, Instant now) {
        return (root, cq, cb) -> {
            List<Predicate> and = new ArrayList<>();
            and.add(cb.equal(root.get("state"), UserTask.OPEN));
            List<Predicate> inGroups = new ArrayList<>();
            for (String g : user.groups()) {
                inGroups.add(cb.like(cb.concat(cb.concat(",", root.get("candidateGroups")), ","), "%," + g + ",%"));
            }
            Predicate mine = cb.equal(root.get("assignee"), user.username());
            Predicate groups = inGroups.isEmpty() ? cb.disjunction() : cb.or(inGroups.toArray(Predicate[]::new));
            switch (query.view()) {
                case "mine" -> and.add(mine);
                case "all" -> {
                    if (!user.seesEverything()) {
                        and.add(cb.or(mine, groups));
                    }
                }
                default -> and.add(cb.or(mine, groups));
            }
            if (query.process() != null) {
                and.add(cb.equal(root.get("bpmnProcessId"), query.process()));
            }
            if (query.county() != null) {
                and.add(cb.equal(root.get("countyCode"), query.county()));
            }
            if ("overdue".equals(query.due())) {
                and.add(cb.lessThan(root.get("dueAt"), now));
            } else if ("soon".equals(query.due())) {
                and.add(cb.greaterThanOrEqualTo(root.get("dueAt"), now));
                and.add(cb.lessThan(root.get("dueAt"), DueSoon.limit(now, dueSoon)));
            }
            if (query.q() != null) {
                String like = "%" + query.q().toLowerCase(Locale.ROOT) + "%";
                and.add(cb.or(cb.like(cb.lower(root.get("name")), like),
                        cb.like(cb.lower(cb.coalesce(root.get("caseTitle"), "")), like),
                        cb.like(cb.lower(cb.coalesce(root.get("businessKey"), "")), like)));
            }
            return cb.and(and.toArray(Predicate[]::new));
        };
    }

    public Duration dueSoonWindow() {
        return dueSoon;
    }

    @Transactional(readOnly = true)
    public List<SavedTaskFilter> savedFilters(CurrentUser user) {
        return filters.findByUsernameOrderByName(user.username());
    }

    @Transactional
    public void saveFilter(CurrentUser user, String name, TaskQuery query) {
        filters.findByUsernameAndName(user.username(), name.trim()).ifPresent(filters::delete);
        filters.flush();
        filters.save(new SavedTaskFilter(user.username(), name.trim(), query.toQueryString()));
    }

    @Transactional
    public void deleteFilter(CurrentUser user, long id) {
        filters.findById(id).filter(f -> f.getUsername().equals(user.username())).ifPresent(filters::delete);
    }

    @Transactional(readOnly = true)
    public List<UserTask> forCase(String caseType, long caseId) {
        return tasks.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(caseType, caseId);
    }

    /**
     * Takes a case's open tasks of the given (called) processes off the list when the engine has ended them without a
     * completion, e.g. an interrupting exit of the year they belong to, or a cancelled instance. Called by the worker
     * that carries the interruption, in its transaction; a second delivery finds nothing open.
     */
    @Transactional
    public int cancelOpen(String caseType, long caseId, java.util.Set<String> bpmnProcessIds, String reason) {
        int n = 0;
        for (UserTask t : tasks.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(caseType, caseId)) {
            if (t.isOpen() && bpmnProcessIds.contains(t.getBpmnProcessId()) && tasks.markCanceled(t.getId()) == 1) {
                audit.record(AuditService.SYSTEM, "TASK_CANCELED", caseType, caseId, t.getBusinessKey(),
                        "Oppgaven «" + t.getName() + "» er avbrutt: " + reason, null);
                n++;
            }
        }
        return n;
    }

    // ---- claim and assignment ----------------------------------------------------------------------------------

    @Transactional
    public void claim(CurrentUser user, long id) {
        UserTask task = requireOpen(user, id);
        if (!canWorkOn(user, task)) {
            throw new NotFoundException("task " + id);
        }
        if (tasks.claimIfFree(id, user.username()) == 0) {
            // the winner's name, read afresh: this transaction's copy of the task still has no holder
            throw new BusinessRuleException("task.error.alreadyClaimed", tasks.currentAssignee(id)
                    .map(u -> users.findById(u).map(AppUser::getFullName).orElse(u)).orElse(""));
        }
        audit.record(user.username(), "TASK_CLAIMED", task.getCaseType(), task.getCaseId(), task.getBusinessKey(),
                "Oppgaven «" + task.getName() + "» ble tatt av " + user.fullName(), null);
    }

    @Transactional
    public void unclaim(CurrentUser user, long id) {
        UserTask task = requireOpen(user, id);
        if (!user.username().equals(task.getAssignee()) && !canAssign(user)) {
            throw new BusinessRuleException("task.error.notYours");
        }
        tasks.setAssignee(id, null);
        audit.record(user.username(), "TASK_UNCLAIMED", task.getCaseType(), task.getCaseId(), task.getBusinessKey(),
                "Oppgaven «" + task.getName() + "» ble lagt tilbake", null);
    }

    /** Users to whom this task may be assigned: the members of its candidate groups. */
    @Transactional(readOnly = true)
    public List<AppUser> assignableUsers(UserTask task) {
        return users.findByEnabledTrueOrderByFullName().stream()
                .filter(u -> canWorkOn(CurrentUser.of(u), task)).toList();
    }

    @Transactional
    public void assign(CurrentUser user, long id, String assignee) {
        UserTask task = requireOpen(user, id);
        if (!canAssign(user)) {
            throw new BusinessRuleException("task.error.mayNotAssign");
        }
        AppUser target = users.findById(assignee).filter(u -> canWorkOn(CurrentUser.of(u), task))
                .orElseThrow(() -> new BusinessRuleException("task.error.notEligible"));
        tasks.setAssignee(id, target.getUsername());
        audit.record(user.username(), "TASK_ASSIGNED", task.getCaseType(), task.getCaseId(), task.getBusinessKey(),
                "Oppgaven «" + task.getName() + "» ble tildelt " + target.getFullName(), null);
    }

    /**
     * Several tasks to one colleague at once (a colleague on leave): each is assigned as on its own page; those the
     * colleague may not take, or that closed meanwhile, are left as they are and counted.
     */
    @Transactional
    public BulkResult assignMany(CurrentUser user, List<Long> ids, String assignee) {
        if (!canAssign(user)) {
            throw new BusinessRuleException("task.error.mayNotAssign");
        }
        int done = 0;
        int skipped = 0;
        for (Long id : ids) {
            UserTask task = tasks.findById(id).filter(t -> canSee(user, t) && t.isOpen()).orElse(null);
            AppUser target = task == null ? null
                    : users.findById(assignee).filter(u -> u.isEnabled() && canWorkOn(CurrentUser.of(u), task)).orElse(null);
            if (target == null) {
                skipped++;
                continue;
            }
            tasks.setAssignee(id, target.getUsername());
            audit.record(user.username(), "TASK_ASSIGNED", task.getCaseType(), task.getCaseId(), task.getBusinessKey(),
                    "Oppgaven «" + task.getName() + "» ble tildelt " + target.getFullName(), null);
            done++;
        }
        return new BulkResult(done, skipped);
    }

    /** How many tasks a bulk action changed and how many it left as they were. */
    public record BulkResult(int done, int skipped) {
    }

    /** Everyone a project leader can give tasks to: the enabled users who work on tasks (not operator staff only). */
    @Transactional(readOnly = true)
    public List<AppUser> assignees() {
        return users.findByEnabledTrueOrderByFullName();
    }

    private UserTask requireOpen(CurrentUser user, long id) {
        UserTask task = getVisible(user, id);
        if (!task.isOpen()) {
            throw new BusinessRuleException("task.error.notOpen");
        }
        return task;
    }

    // ---- completion --------------------------------------------------------------------------------------------

    /** The form's starting values (e.g. what a register proves), as raw input. */
    public FormSubmission initialSubmission(UserTask task) {
        TaskCompletionHandler handler = handlers.get(task.getBpmnProcessId());
        Map<String, List<String>> prefill = handler == null || !task.isOpen() ? Map.of() : handler.prefill(task);
        return new FormSubmission(Map.of(), prefill, Map.of());
    }

    public TaskCompletionHandler.TaskPanel panelOf(UserTask task) {
        TaskCompletionHandler handler = handlers.get(task.getBpmnProcessId());
        return handler == null ? null : handler.panel(task);
    }

    public FormDefinition formOf(UserTask task) {
        return forms.find(task.getFormId())
                .orElseThrow(() -> new IllegalStateException("Task " + task.getElementId() + " has no form " + task.getFormId()));
    }

    /**
     * Validates the submitted values against the task's form and, if valid, completes it: the task row, the audit
     * trail, the module's case data and the engine's job, all or nothing. Of two concurrent completions exactly one
     * wins; the other gets {@code task.error.alreadyCompleted}.
     *
     * @return the submission, with its errors when it was refused
     */
    @Transactional
    public FormSubmission complete(CurrentUser user, long id, Map<String, List<String>> input, Locale locale) {
        UserTask task = getVisible(user, id);
        if (!canWorkOn(user, task)) {
            throw new NotFoundException("task " + id);
        }
        if (!task.isOpen()) {
            throw new BusinessRuleException("task.error.alreadyCompleted", task.getCompletedBy());
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw new BusinessRuleException("task.error.claimedBySomeoneElse", task.getAssignee());
        }
        TaskCompletionHandler handler = handlers.get(task.getBpmnProcessId());
        FormSubmission submission = validated(task, input, locale);
        if (!submission.valid()) {
            return submission;
        }
        if (tasks.markCompleted(id, user.username(), clock.instant()) == 0) {
            throw new BusinessRuleException("task.error.alreadyCompleted", "");
        }
        Map<String, Object> variables = handler == null ? submission.values() : handler.onComplete(task, submission, user);
        audit.record(user.username(), "TASK_COMPLETED", task.getCaseType(), task.getCaseId(), task.getBusinessKey(),
                "Oppgaven «" + task.getName() + "» ble fullført", describe(submission));
        // Write (and so row-lock) everything before the engine hears of it: the workers it starts next load their
        // case FOR UPDATE and therefore wait for this transaction's commit (or see nothing of a rollback).
        entityManager.flush();
        try {
            client.newCompleteCommand(task.getJobKey()).variables(variables).requestTimeout(engineTimeout).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                // The engine no longer has the job (the process moved on, e.g. cancelled): roll back and say so.
                throw new BusinessRuleException("task.error.goneFromEngine");
            }
            throw e;
        }
        return submission;
    }

    private FormSubmission validated(UserTask task, Map<String, List<String>> input, Locale locale) {
        TaskCompletionHandler handler = handlers.get(task.getBpmnProcessId());
        FormSubmission submission = validator.validate(formOf(task), input, locale);
        if (submission.valid() && handler != null) {
            submission = handler.validate(task, submission, locale);
        }
        return submission;
    }

    /** True when the user confirms this task's values on a summary before they are saved. */
    public boolean confirmsBeforeSaving(UserTask task) {
        TaskCompletionHandler handler = handlers.get(task.getBpmnProcessId());
        return handler != null && handler.confirmsBeforeSaving(task);
    }

    /**
     * The checks of {@link #complete} without completing: the values as they would be saved, or the errors. The
     * confirmation summary is built from a submission that passed.
     */
    @Transactional(readOnly = true)
    public FormSubmission check(CurrentUser user, long id, Map<String, List<String>> input, Locale locale) {
        UserTask task = getVisible(user, id);
        if (!canWorkOn(user, task)) {
            throw new NotFoundException("task " + id);
        }
        if (!task.isOpen()) {
            throw new BusinessRuleException("task.error.alreadyCompleted", task.getCompletedBy());
        }
        return validated(task, input, locale);
    }

    /** Each filled-in field of a valid submission as the user reads it: its label and its value (option labels, kroner). */
    public List<Map.Entry<String, String>> summary(UserTask task, FormSubmission s) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (no.siva.programflyt.forms.FormComponent c : formOf(task).inputs()) {
            List<String> raw = s.raw().getOrDefault(c.key(), List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
            if (raw.isEmpty()) {
                continue;
            }
            Object typed = s.values().get(c.key());
            String shown;
            if (typed instanceof java.math.BigDecimal n) {
                shown = new no.siva.programflyt.shared.Formats().decimal(n) + (c.suffix() != null ? " " + c.suffix()
                        : c.displayLabel().contains("(kr)") ? " kr" : "");
            } else if ("checkbox".equals(c.type())) {
                shown = "true".equals(raw.get(0)) ? "Ja" : "Nei";
            } else {
                shown = raw.stream().map(v -> c.options().stream().filter(o -> v.equals(o.value()))
                        .map(no.siva.programflyt.forms.FormComponent.Option::label).findFirst().orElse(v))
                        .collect(Collectors.joining(", "));
            }
            out.add(Map.entry(c.displayLabel(), shown));
        }
        return out;
    }

    /** A task whose job the engine no longer has is closed in the list (separate transaction, after a refusal). */
    @Transactional
    public void cancel(long id) {
        tasks.markCanceled(id);
    }

    private static String describe(FormSubmission s) {
        return s.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
