package no.siva.programflyt.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.notifications.OutboxMessage;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.TestDate;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The engine's clock and the application's are one: the test states its date, both start there, and moving the
 * engine's clock moves the application's. At the moment the engine fires a deadline's timers, the application's
 * task list says the same thing as the e-mail the timer sent: three days before, "due soon" and the second reminder;
 * the day after, "overdue" and the escalation.
 */
@AutoConfigureMockMvc
@TestDate("2027-11-20")
class ClockAgreementTest extends ProcessTestBase {

    @Autowired
    ReportingService reporting;
    @Autowired
    OperatorRepository operators;
    @Autowired
    MockMvc mvc;

    @Test
    void movingTheEnginesClockMovesTheApplications_dueSoonWithTheReminder_overdueWithTheEscalation() throws Exception {
        // the stated date, on both clocks
        assertThat(today()).isEqualTo(LocalDate.of(2027, 11, 20));
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        long yearId = reporting.startYear(sogn, 2027).orElseThrow();
        // planned from the engine's today: only the deadlines still ahead on 20 November 2027
        await().atMost(Duration.ofSeconds(20)).until(() -> reporting.forOperator(sogn, 2027).size() == 3);
        ReportingService.Row budget = reporting.forOperator(sogn, 2027).stream()
                .filter(r -> r.code() == Obligation.BUDGET_NEXT_YEAR).findFirst().orElseThrow();
        assertThat(budget.dueDate()).isEqualTo(LocalDate.of(2027, 12, 1));
        UserTask deliver = await().atMost(Duration.ofSeconds(20)).until(() -> open(budget.id()), Optional::isPresent)
                .orElseThrow();
        assertThat(inbox("overdue")).doesNotContain(deliver.getName());

        // 28 November 08:00 (three days before): the engine sends the second reminder ...
        moveClockTo(at(2027, 11, 28, 8, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(yearId, budget.id(), "reminder-2").size() == 1);
        // ... written at that moment by the application's clock, whose task list now says "due soon", not overdue
        assertThat(mails(yearId, budget.id(), "reminder-2").get(0).getCreatedAt())
                .isBetween(at(2027, 11, 28, 8, 0), at(2027, 11, 28, 8, 2));
        assertThat(inbox("soon")).contains(deliver.getName());
        assertThat(inbox("overdue")).doesNotContain(deliver.getName());
        assertThat(mails(yearId, budget.id(), "escalation")).isEmpty();

        // 2 December 08:00 (the day after the deadline): the escalation, and "overdue" in the same minute
        moveClockTo(at(2027, 12, 2, 8, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(yearId, budget.id(), "escalation").size() == 1);
        assertThat(mails(yearId, budget.id(), "escalation").get(0).getCreatedAt())
                .isBetween(at(2027, 12, 2, 8, 0), at(2027, 12, 2, 8, 2));
        assertThat(today()).isEqualTo(LocalDate.of(2027, 12, 2));
        assertThat(inbox("overdue")).contains(deliver.getName()).contains("Forfalt");
        assertThat(reporting.forOperator(sogn, 2027).stream().filter(r -> r.id() == budget.id()).findFirst()
                .orElseThrow().overdue(today())).isTrue();
    }

    /** The demo's clock page moves the engine's clock, and with it the application's; it only moves forward. */
    @Test
    void theAdministratorsClockPageMovesBothClocks_andRefusesADateNotAhead() throws Exception {
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        long yearId = reporting.startYear(sogn, 2027).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> reporting.forOperator(sogn, 2027).size() == 3);
        long budget = reporting.forOperator(sogn, 2027).stream().filter(r -> r.code() == Obligation.BUDGET_NEXT_YEAR)
                .findFirst().orElseThrow().id();
        await().atMost(Duration.ofSeconds(20)).until(() -> open(budget), Optional::isPresent);
        var admin = SecurityMockMvcRequestPostProcessors.user(user(DemoUsers.ADMIN));
        mvc.perform(get("/admin/klokke").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("20.11.2027 09:00")));

        // bad input: a message at the field, and the clock stays where it was
        for (String[] bad : new String[][] {{"2027-11-19", "klokka kan bare flyttes fram"}, {"2027-11-20", "bare flyttes fram"},
                {"2031-01-01", "høyst tre år fram, til 20.11.2030"}, {"28.11.2027x", "Skriv en gyldig dato"}}) {
            mvc.perform(post("/admin/klokke").param("dato", bad[0]).with(admin).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(bad[1])))
                    .andExpect(content().string(containsString("id=\"dato-error\"")));
            assertThat(today()).as(bad[0]).isEqualTo(LocalDate.of(2027, 11, 20));
        }

        // to 28 November: 08:00 that day on both clocks, and the second reminder that fell due at 08:00 is sent
        mvc.perform(post("/admin/klokke").param("dato", "2027-11-28").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "timetravel.moved"));
        assertThat(Duration.between(at(2027, 11, 28, 8, 0), clock.instant())).isBetween(Duration.ZERO, Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(yearId, budget, "reminder-2").size() == 1);
        // a week on
        mvc.perform(post("/admin/klokke").param("steg", "uke").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(today()).isEqualTo(LocalDate.of(2027, 12, 5));
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(yearId, budget, "escalation").size() == 1);
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(Formats.OSLO).toInstant();
    }

    private Optional<UserTask> open(long obligationId) {
        return taskRows.findAll().stream().filter(t -> t.isOpen() && "levere".equals(t.getElementId())
                && Long.valueOf(obligationId).equals(t.getSubjectId())).findFirst();
    }

    private List<OutboxMessage> mails(long yearId, long obligationId, String occasion) {
        return outbox.findByCaseTypeAndCaseIdOrderById(ReportingService.CASE_TYPE, yearId).stream()
                .filter(m -> m.getDedupKey().startsWith("reporting:" + obligationId + ":" + occasion + ":")).toList();
    }

    /** The operator's task list filtered by due date, as the page shows it. */
    private String inbox(String due) throws Exception {
        return mvc.perform(get("/tasks").param("view", "groups").param("due", due)
                .with(SecurityMockMvcRequestPostProcessors.user(user(DemoUsers.OPERATOR_USER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
