package no.siva.programflyt.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.audit.AuditRepository;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.support.ProcessTestBase;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class TaskListTest extends ProcessTestBase {

    private static final String ADMISSION = AdmissionService.CASE_TYPE;

    @Autowired
    AuditRepository auditRows;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OperatorRepository operatorRepository;

    @Test
    void inboxViewsAndScope() {
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        CurrentUser nordland = user(DemoUsers.NORDLAND);
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        CurrentUser leader = user(DemoUsers.PROJECT_LEADER);
        CurrentUser operator = user(DemoUsers.OPERATOR_USER);
        UserTask decision = atCountyDecision(vestland, "912345742", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, commission(nordland, "912345815", "Nord AS", "18").getId(),
                "gjennomfore-forprosjekt");
        Instant now = clock.instant();

        assertThat(ids(inbox(vestland, TaskQuery.of("groups", null, null, null, null), now))).containsExactly(decision.getId());
        assertThat(ids(inbox(nordland, TaskQuery.of("all", null, null, null, null), now))).isEmpty();
        assertThat(ids(inbox(siva, TaskQuery.of("groups", null, null, null, null), now))).containsExactly(pilot.getId());
        assertThat(ids(inbox(siva, TaskQuery.of("mine", null, null, null, null), now))).isEmpty();
        assertThat(ids(inbox(leader, TaskQuery.of("all", null, null, null, null), now)))
                .containsExactlyInAnyOrder(decision.getId(), pilot.getId());
        assertThat(ids(inbox(leader, TaskQuery.of("all", null, null, "18", null), now))).containsExactly(pilot.getId());
        assertThat(ids(inbox(leader, TaskQuery.of("all", null, null, null, "912345742"), now))).containsExactly(decision.getId());
        assertThat(ids(inbox(operator, TaskQuery.of("all", null, null, null, null), now))).isEmpty();

        // another county's official neither sees nor works on the task; operator staff neither
        assertThatThrownBy(() -> tasks.getVisible(nordland, decision.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.claim(nordland, decision.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> complete(nordland, decision, decisionValues())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.getVisible(operator, decision.getId())).isInstanceOf(NotFoundException.class);
        assertThat(taskRows.findById(decision.getId()).orElseThrow().isOpen()).isTrue();
        // the project leader sees it but is not in the county's group
        assertThat(TaskService.canSee(leader, decision)).isTrue();
        assertThat(TaskService.canWorkOn(leader, decision)).isFalse();
    }

    @Test
    void claimUnclaimAndAssign() {
        CurrentUser sara = user(DemoUsers.CASE_HANDLER);
        CurrentUser sindre = user("saksbehandler2");
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");

        tasks.claim(sara, pilot.getId());
        assertThat(taskRows.findById(pilot.getId()).orElseThrow().getAssignee()).isEqualTo("saksbehandler");
        assertThatThrownBy(() -> tasks.claim(sindre, pilot.getId()))
                .isInstanceOf(BusinessRuleException.class).hasMessage("task.error.alreadyClaimed");
        assertThatThrownBy(() -> complete(sindre, pilot, assessment(true)))
                .isInstanceOf(BusinessRuleException.class).hasMessage("task.error.claimedBySomeoneElse");
        assertThat(ids(inbox(sara, TaskQuery.of("mine", null, null, null, null), clock.instant()))).containsExactly(pilot.getId());

        tasks.unclaim(sara, pilot.getId());
        assertThat(taskRows.findById(pilot.getId()).orElseThrow().getAssignee()).isNull();

        tasks.assign(sara, pilot.getId(), "saksbehandler2");
        assertThat(taskRows.findById(pilot.getId()).orElseThrow().getAssignee()).isEqualTo("saksbehandler2");
        assertThatThrownBy(() -> tasks.assign(sara, pilot.getId(), DemoUsers.VESTLAND))
                .isInstanceOf(BusinessRuleException.class).hasMessage("task.error.notEligible");
        assertThatThrownBy(() -> tasks.assign(user(DemoUsers.VESTLAND), pilot.getId(), "saksbehandler"))
                .isInstanceOf(NotFoundException.class);
        assertThat(tasks.assignableUsers(pilot)).extracting(u -> u.getUsername())
                .containsExactlyInAnyOrder("saksbehandler", "saksbehandler2", "admin");

        assertThat(complete(sindre, pilot, assessment(true)).valid()).isTrue();
        UserTask done = taskRows.findById(pilot.getId()).orElseThrow();
        assertThat(done.getState()).isEqualTo(UserTask.COMPLETED);
        assertThat(done.getCompletedBy()).isEqualTo("saksbehandler2");
    }

    @Test
    void twoConcurrentCompletions_exactlyOneWins() throws Exception {
        CurrentUser sara = user(DemoUsers.CASE_HANDLER);
        CurrentUser sindre = user("saksbehandler2");
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");

        List<Object> outcomes = atOnce(() -> complete(sara, pilot, assessment(true)),
                () -> complete(sindre, pilot, assessment(true)));
        long won = outcomes.stream().filter(o -> o instanceof FormSubmission f && f.valid()).count();
        assertThat(outcomes).filteredOn(o -> !(o instanceof FormSubmission)).singleElement()
                .asInstanceOf(InstanceOfAssertFactories.throwable(BusinessRuleException.class))
                .hasMessage("task.error.alreadyCompleted");
        assertThat(won).isEqualTo(1);
        // the process moved on exactly once
        UserTask next = awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd");
        assertThat(taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(ADMISSION, c.getId()))
                .extracting(UserTask::getElementId).containsExactly("gjennomfore-forprosjekt", "foresla-tilskudd");
        assertThat(next.isOpen()).isTrue();
    }

    @Test
    void twoConcurrentClaims_exactlyOneHoldsTheTask_theOtherIsToldWho() throws Exception {
        CurrentUser sara = user(DemoUsers.CASE_HANDLER);
        CurrentUser sindre = user("saksbehandler2");
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");

        List<Object> outcomes = atOnce(() -> {
            tasks.claim(sara, pilot.getId());
            return sara.username();
        }, () -> {
            tasks.claim(sindre, pilot.getId());
            return sindre.username();
        });
        String holder = taskRows.findById(pilot.getId()).orElseThrow().getAssignee();
        assertThat(outcomes).filteredOn(String.class::isInstance).containsExactly(holder);
        BusinessRuleException refused = (BusinessRuleException) outcomes.stream()
                .filter(BusinessRuleException.class::isInstance).findFirst().orElseThrow();
        assertThat(refused.messageKey()).isEqualTo("task.error.alreadyClaimed");
        // the winner by name, never by user name (issue 23, point 4)
        assertThat(refused.args()).containsExactly(user(holder).fullName());
        assertThat(auditRows.countByCaseTypeAndCaseIdAndAction(ADMISSION, c.getId(), "TASK_CLAIMED")).isEqualTo(1);
    }

    @Test
    void aLosingClaim_namesTheWinner_evenWhenItReadTheTaskBeforeTheWinnerCommitted() throws Exception {
        CurrentUser sara = user(DemoUsers.CASE_HANDLER);
        CurrentUser sindre = user("saksbehandler2");
        AdmissionCase c = commission(user(DemoUsers.VESTLAND), "912345742", "Nordfjord AS", "46");
        long id = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt").getId();

        // Sara's request has read the task (free) when Sindre's claim commits; then hers tries to claim it
        Throwable refused = catchThrowable(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            assertThat(taskRows.findById(id).orElseThrow().getAssignee()).isNull();
            try (ExecutorService sindresRequest = Executors.newSingleThreadExecutor()) {
                sindresRequest.submit(() -> tasks.claim(sindre, id)).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            tasks.claim(sara, id);
        }));
        assertThat(refused).isInstanceOf(BusinessRuleException.class).hasMessage("task.error.alreadyClaimed");
        assertThat(((BusinessRuleException) refused).args()).containsExactly("Sindre Saksbehandler");
        assertThat(taskRows.findById(id).orElseThrow().getAssignee()).isEqualTo("saksbehandler2");
    }

    /** Runs both at the same moment; each outcome is the result or what was thrown, in the order given. */
    private static List<Object> atOnce(Callable<?> first, Callable<?> second) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Callable<?> call : List.of(first, second)) {
                running.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<?> f : running) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void savedFiltersBelongToTheirUser() {
        CurrentUser sara = user(DemoUsers.CASE_HANDLER);
        tasks.saveFilter(sara, "Forfalte i Vestland", TaskQuery.of("all", null, "overdue", "46", null));
        tasks.saveFilter(sara, "Forfalte i Vestland", TaskQuery.of("all", null, "soon", "46", null));

        assertThat(tasks.savedFilters(sara)).singleElement().satisfies(f -> {
            assertThat(f.getName()).isEqualTo("Forfalte i Vestland");
            assertThat(f.getQuery()).isEqualTo("view=all&due=soon&county=46");
        });
        assertThat(tasks.savedFilters(user("saksbehandler2"))).isEmpty();
        long id = tasks.savedFilters(sara).get(0).getId();
        tasks.deleteFilter(user("saksbehandler2"), id);
        assertThat(tasks.savedFilters(sara)).hasSize(1);
        tasks.deleteFilter(sara, id);
        assertThat(tasks.savedFilters(sara)).isEmpty();
    }

    @Test
    void dueBadges() {
        CurrentUser vestland = user(DemoUsers.VESTLAND);
        AdmissionCase c = commission(vestland, "912345742", "Nordfjord AS", "46");
        UserTask pilot = awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt");
        Instant due = pilot.getDueAt();
        assertThat(pilot.overdue(due.minusSeconds(60))).isFalse();
        assertThat(pilot.overdue(due.plusSeconds(60))).isTrue();
        assertThat(pilot.dueSoon(due.minus(Duration.ofDays(2)), tasks.dueSoonWindow())).isTrue();
        assertThat(pilot.dueSoon(due.minus(Duration.ofDays(10)), tasks.dueSoonWindow())).isFalse();
        assertThat(ids(inbox(user(DemoUsers.CASE_HANDLER), TaskQuery.of("groups", null, "overdue", null, null),
                due.plusSeconds(1)))).containsExactly(pilot.getId());
        assertThat(ids(inbox(user(DemoUsers.CASE_HANDLER), TaskQuery.of("groups", null, "soon", null, null),
                due.minus(Duration.ofDays(1))))).containsExactly(pilot.getId());
    }

    /**
     * Issue 25: the inbox matches groups exactly (by array overlap: «operator-7» is not «operator-70»), pages with the
     * count of all pages from one query, and its plan can use the GIN index on open tasks' candidate groups.
     */
    @Test
    void inboxMatchesGroupsExactly_pagesWithTheTotal_andItsQueryCanUseTheGroupIndex() {
        long sogn = operatorRepository.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        CurrentUser staff = operatorUser(operatorRepository.findById(sogn).orElseThrow());
        Instant now = clock.instant();
        jdbc.sql(
                """
                        insert into user_task (job_key, process_instance_key, bpmn_process_id, element_id, name, candidate_groups,
                            due_at, state, created_at)
                        select -n, -1, 'target-company-active-year', 'utviklingssamtale', 'Utviklingssamtale ' || n,
                               case when n <= 120 then :own when n <= 125 then :own || '0' when n <= 128 then 'fylke-46,' || :own
                                    else 'siva-saksbehandler' end,
                               cast(:now as timestamptz) + (n || ' hours')::interval, case when n = 1 then 'COMPLETED' else 'OPEN' end, cast(:now as timestamptz)
                        from generate_series(1, 3000) n""")
                .param("own", "operator-" + sogn).param("now", Timestamp.from(now)).update();
        jdbc.sql("analyze user_task").update();

        TaskQuery groups = TaskQuery.of("groups", null, null, null, null);
        var first = tasks.inboxPage(staff, groups, now, 0);
        // 119 of their own open (the first is completed) and 3 shared with the county; not the 5 of «operator-<id>0»
        assertThat(first.getTotalElements()).isEqualTo(122);
        assertThat(first.getContent()).hasSize(50).extracting(UserTask::getName)
                .startsWith("Utviklingssamtale 2", "Utviklingssamtale 3");
        assertThat(tasks.inboxPage(staff, groups, now, 2).getContent()).hasSize(22);
        assertThat(tasks.inboxPage(staff, groups, now, 2).getTotalElements()).isEqualTo(122);
        assertThat(tasks.inboxPage(staff, groups, now, 9).getTotalElements()).isEqualTo(122);
        assertThat(tasks.inboxCount(staff, groups, now)).isEqualTo(122);
        assertThat(tasks.inboxPage(staff, groups, now, 0, InboxSort.parse("-due")).getContent().get(0).getName())
                .isEqualTo("Utviklingssamtale 128");

        // among 3 000 open tasks the staff's 122 are found by the groups' index (and the assignee's), not by reading all;
        // sequential scans are forbidden so that the plan does not depend on how PostgreSQL costs a table this small
        List<String> plan = new TransactionTemplate(transactions).execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return tasks.inboxPlan(staff, groups, now);
        });
        assertThat(String.join("\n", plan)).contains("user_task_open_groups_idx").doesNotContain("Seq Scan on user_task");
    }

    private UserTask atCountyDecision(CurrentUser county, String org, String countyCode) {
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        AdmissionCase c = commission(county, org, "Selskap " + org, countyCode);
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "gjennomfore-forprosjekt"), assessment(true));
        complete(siva, awaitOpenTask(ADMISSION, c.getId(), "foresla-tilskudd"),
                Map.of("foreslattTilskudd", "1000000", "begrunnelse", "Begrunnet."));
        return awaitOpenTask(ADMISSION, c.getId(), "fylkets-vedtak");
    }

    private static Map<String, String> decisionValues() {
        return Map.of("vedtak", "godkjent", "vedtattTilskudd", "1000000", "begrunnelse", "Ja.");
    }

    private static List<Long> ids(List<UserTask> list) {
        return list.stream().map(UserTask::getId).toList();
    }

    private List<UserTask> inbox(CurrentUser user, TaskQuery query, Instant now) {
        return tasks.inboxPage(user, query, now, 0).getContent();
    }
}
