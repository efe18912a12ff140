package no.siva.programflyt.tasks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.forms.FormComponent;
import no.siva.programflyt.forms.FormDefinition;
import no.siva.programflyt.forms.FormRepository;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.forms.FormValidator;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final Map<String, TaskCompletionHandler> handlers;
    private final Duration dueSoon;
    private final Inbox inbox;
    private final JobCompletions completions;
    private final TransactionTemplate inTransaction;

    private final Clock clock;

    public TaskService(Clock clock, UserTaskRepository tasks, SavedTaskFilterRepository filters, AppUserRepository users,
                       FormRepository forms, FormValidator validator, AuditService audit,
                       List<TaskCompletionHandler> handlers, Inbox inbox, JobCompletions completions,
                       PlatformTransactionManager transactions,
                       @Value("${programflyt.tasks.due-soon:P3D}") Duration dueSoon) {
        this.clock = clock;
        this.inbox = inbox;
        this.completions = completions;
        this.inTransaction = new TransactionTemplate(transactions);
        this.tasks = tasks;
        this.filters = filters;
        this.users = users;
        this.forms = forms;
        this.validator = validator;
        this.audit = audit;
        this.handlers = new HashMap<>();
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
        return user.hasNationalScope();
    }

    @Transactional(readOnly = true)
    public UserTask getVisible(CurrentUser user, long id) {
        return tasks.findById(id).filter(t -> canSee(user, t))
                .orElseThrow(() -> new NotFoundException("task " + id));
    }

    // ---- inbox -------------------------------------------------------------------------------------------------

    /** Rows per inbox page: an operator with thousands of companies must not get thousands of rows (bench/README.md). */
    public static final int INBOX_PAGE_SIZE = 50;

    /** The task list's page and the user's saved filters, read in one transaction. */
    public record InboxView(Page<UserTask> page, List<SavedTaskFilter> savedFilters) {}

    /**
     * The task list as its page shows it: a page of tasks in the chosen order (the last page when {@code page} is past
     * it, as when tasks were completed meanwhile) and the user's saved filters, in one read-only transaction.
     */
    @Transactional(readOnly = true)
    public InboxView inbox(CurrentUser user, TaskQuery query, Instant now, int page, InboxSort sort) {
        Page<UserTask> result = inbox.page(user, query, now, dueSoon, page, INBOX_PAGE_SIZE, sort);
        if (page > 0 && page >= result.getTotalPages()) {
            result = inbox.page(user, query, now, dueSoon, Math.max(0, result.getTotalPages() - 1), INBOX_PAGE_SIZE, sort);
        }
        return new InboxView(result, filters.findByUsernameOrderByName(user.username()));
    }

    /** One page of the inbox, earliest due first, with the number of tasks in all pages. */
    @Transactional(readOnly = true)
    public Page<UserTask> inboxPage(CurrentUser user, TaskQuery query, Instant now, int page) {
        return inboxPage(user, query, now, page, InboxSort.DEFAULT);
    }

    /** One page of the inbox in the order the user chose by a column heading. */
    @Transactional(readOnly = true)
    public Page<UserTask> inboxPage(CurrentUser user, TaskQuery query, Instant now, int page, InboxSort sort) {
        return inbox.page(user, query, now, dueSoon, page, INBOX_PAGE_SIZE, sort);
    }

    /** PostgreSQL's plan of the inbox's first page for this user, as it ran (the benchmark prints it). */
    @Transactional(readOnly = true)
    public List<String> inboxPlan(CurrentUser user, TaskQuery query, Instant now) {
        return inbox.plan(user, query, now, dueSoon, InboxSort.DEFAULT);
    }

    /** How many tasks the inbox would list (the home page's counts), without reading them. */
    @Transactional(readOnly = true)
    public long inboxCount(CurrentUser user, TaskQuery query, Instant now) {
        return inbox.count(user, query, now, dueSoon);
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
    public int cancelOpen(String caseType, long caseId, Set<String> bpmnProcessIds, String reason) {
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
    public record BulkResult(int done, int skipped) {}

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
     * trail, the module's case data and the job's completion command are committed together, all or nothing; then the
     * engine is told (decision 0002), with no database connection held, and waited for at most {@code engine-wait}
     * (a busy engine answers later; the user does not wait for it). Of two concurrent
     * completions exactly one wins; the other gets {@code task.error.alreadyCompleted}. If the engine does not answer,
     * the completion is sent again later ({@link JobCompletions}); if it no longer has the job (its process moved on in
     * the meantime), the answer stays saved, the audit trail says so, and the user is told
     * ({@code task.error.goneAfterSaving}).
     *
     * @return the submission, with its errors when it was refused
     */
    public FormSubmission complete(CurrentUser user, long id, Map<String, List<String>> input, Locale locale) {
        Completed done = inTransaction.execute(tx -> completeInTransaction(user, id, input, locale));
        if (done.task() != null) {
            JobCompletions.Outcome outcome = completions.sendAfterCommit(done.task().getJobKey(), done.command());
            if (outcome == JobCompletions.Outcome.GONE) {
                // the audit trail has it (JobCompletions); the user hears of it now
                throw new BusinessRuleException("task.error.goneAfterSaving");
            }
        }
        return done.submission();
    }

    /** A completion's submission and, when it was saved, its task and the job command to send after the commit. */
    private record Completed(FormSubmission submission, UserTask task, String command) {}

    private Completed completeInTransaction(CurrentUser user, long id, Map<String, List<String>> input, Locale locale) {
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
            return new Completed(submission, null, null);
        }
        if (tasks.markCompleted(id, user.username(), clock.instant()) == 0) {
            throw new BusinessRuleException("task.error.alreadyCompleted", "");
        }
        Map<String, Object> variables = handler == null ? submission.values() : handler.onComplete(task, submission, user);
        audit.record(user.username(), "TASK_COMPLETED", task.getCaseType(), task.getCaseId(), task.getBusinessKey(),
                "Oppgaven «" + task.getName() + "» ble fullført", describe(submission));
        // the command is stored with the case data: committed together, it is sent after the commit (and again until
        // the engine answers), so the workers the engine starts next find the case data committed
        String command = completions.store(task, variables);
        return new Completed(submission, task, command);
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
        for (FormComponent c : formOf(task).inputs()) {
            List<String> raw = s.raw().getOrDefault(c.key(), List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
            if (raw.isEmpty()) {
                continue;
            }
            Object typed = s.values().get(c.key());
            String shown;
            if (typed instanceof BigDecimal n) {
                shown = new Formats().decimal(n) + (c.suffix() != null ? " " + c.suffix()
                        : c.displayLabel().contains("(kr)") ? " kr" : "");
            } else if ("checkbox".equals(c.type())) {
                shown = "true".equals(raw.get(0)) ? "Ja" : "Nei";
            } else {
                shown = raw.stream().map(v -> c.options().stream().filter(o -> v.equals(o.value()))
                        .map(FormComponent.Option::label).findFirst().orElse(v))
                        .collect(Collectors.joining(", "));
            }
            out.add(Map.entry(c.displayLabel(), shown));
        }
        return out;
    }

    private static String describe(FormSubmission s) {
        return s.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
