package no.siva.programflyt.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.notifications.OutboxMessage;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.support.ProcessTestBase;
import no.siva.programflyt.support.StatedDateEngine;
import no.siva.programflyt.tasks.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole reporting year for two operators on the engine's clock: Sogn delivers every obligation after its first
 * reminder; Helgeland delivers nothing. Each reminder is sent once, nothing after delivery, every missed deadline is
 * escalated the day after, and the e-mails add up exactly.
 */
class ReportingCalendarTest extends ProcessTestBase {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** The year after the suite's date: all its deadlines lie ahead. */
    private static final int YEAR = LocalDate.ofInstant(StatedDateEngine.suiteStart(), OSLO).getYear() + 1;

    @Autowired
    ReportingService reporting;
    @Autowired
    OperatorRepository operators;
    @Autowired
    AppUserRepository users;

    private List<OutboxMessage> mails(long caseId, String occasion) {
        return outbox.findByCaseTypeAndCaseIdOrderById(ReportingService.CASE_TYPE, caseId).stream()
                .filter(m -> m.getDedupKey().contains(":" + occasion)).toList();
    }

    private long staffOf(long operatorId) {
        return users.findByEnabledTrueOrderByFullName().stream().filter(u -> Long.valueOf(operatorId).equals(u.getOperatorId())).count();
    }

    @Test
    void aWholeYearForTwoOperators() {
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        long helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
        if (users.findById("helgeland-staff").isEmpty()) {
            users.save(new AppUser("helgeland-staff", "Hege Helgeland", "hege@hnh.no", "{noop}x", Set.of(Role.OPERATOR),
                    Set.of(), helgeland));
        }
        CurrentUser sognStaff = user(DemoUsers.OPERATOR_USER);
        CurrentUser siva = user(DemoUsers.CASE_HANDLER);
        long sognYear = reporting.startYear(sogn, YEAR).orElseThrow();
        long helgelandYear = reporting.startYear(helgeland, YEAR).orElseThrow();
        assertThat(reporting.startYear(sogn, YEAR)).isEmpty();   // once per operator and year

        await().atMost(Duration.ofSeconds(20)).until(() -> taskRows.findAll().stream()
                .filter(t -> t.isOpen() && "levere".equals(t.getElementId())).count() == 22);
        List<ReportingService.Row> sognRows = reporting.forOperator(sogn, YEAR);
        assertThat(sognRows).hasSize(11).extracting(ReportingService.Row::dueDate).contains(
                LocalDate.of(YEAR, 1, 15), LocalDate.of(YEAR, 2, 1), LocalDate.of(YEAR, 2, 20), LocalDate.of(YEAR, 2, 28),
                LocalDate.of(YEAR, 5, 31), LocalDate.of(YEAR, 6, 30), LocalDate.of(YEAR, 8, 31), LocalDate.of(YEAR, 11, 30),
                LocalDate.of(YEAR, 12, 1), LocalDate.of(YEAR, 12, 31));

        for (LocalDate due : new TreeSet<>(sognRows.stream().map(ReportingService.Row::dueDate).toList())) {
            moveClockTo(due.minusDays(14).atTime(9, 0).atZone(OSLO).toInstant());
            for (ReportingService.Row r : sognRows.stream().filter(r -> r.dueDate().equals(due)).toList()) {
                await().atMost(Duration.ofSeconds(20)).until(() -> mails(sognYear, "reminder-1").stream()
                        .anyMatch(m -> m.getDedupKey().startsWith("reporting:" + r.id() + ":")));
                UserTask task = taskRows.findAll().stream().filter(t -> t.isOpen() && r.id() == nz(t.getSubjectId())
                        && "levere".equals(t.getElementId())).findFirst().orElseThrow();
                assertThat(task.getName()).startsWith(r.code().taskName());
                assertThat(task.getFormId()).isEqualTo(r.code().formId());
                var delivered = complete(sognStaff, task, delivery(r.code()));
                assertThat(delivered.errors()).as(r.code().name()).isEmpty();
                if (r.code().review()) {
                    UserTask review = await().atMost(Duration.ofSeconds(20)).until(() -> taskRows.findAll().stream()
                            .filter(t -> t.isOpen() && r.id() == nz(t.getSubjectId()) && "kontrollere".equals(t.getElementId()))
                            .findFirst(), Optional::isPresent).orElseThrow();
                    assertThat(complete(siva, review, Map.of("vurdering", "godkjent")).valid()).isTrue();
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> reporting.row(r.id()).done());
            }
        }
        moveClockTo(LocalDate.of(YEAR + 1, 1, 3).atStartOfDay(OSLO).toInstant());

        long sognStaffCount = staffOf(sogn);
        long helgelandStaffCount = staffOf(helgeland);
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(helgelandYear, "escalation").size() == 11);
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(helgelandYear, "reminder-2").size() == 11 * helgelandStaffCount);
        assertThat(mails(helgelandYear, "reminder-1")).hasSize((int) (11 * helgelandStaffCount));
        assertThat(mails(helgelandYear, "escalation")).allMatch(m -> m.getRecipient().equals("sara.saksbehandler@siva.no"));
        assertThat(mails(helgelandYear, "reminder-1"))
                .allMatch(m -> m.getBodyHtml().matches("(?s).*href=\"http://localhost:8080/tasks/\\d+\".*"));
        // Sogn: the first reminder only, never after delivery, never escalated
        assertThat(mails(sognYear, "reminder-1")).hasSize((int) (11 * sognStaffCount));
        assertThat(mails(sognYear, "reminder-2")).isEmpty();
        assertThat(mails(sognYear, "escalation")).isEmpty();
        assertThat(outbox.findByCaseTypeAndCaseIdOrderById(ReportingService.CASE_TYPE, sognYear)).hasSize((int) (11 * sognStaffCount));
        assertThat(outbox.findByCaseTypeAndCaseIdOrderById(ReportingService.CASE_TYPE, helgelandYear))
                .hasSize((int) (22 * helgelandStaffCount + 11));
        assertThat(reporting.forOperator(sogn, YEAR)).allMatch(ReportingService.Row::done);
        assertThat(reporting.forOperator(helgeland, YEAR)).noneMatch(ReportingService.Row::done);
        assertThat(reporting.all(YEAR, LocalDate.of(YEAR + 1, 1, 3)).get(0).operatorId()).isEqualTo(helgeland);   // overdue first
    }

    private static long nz(Long l) {
        return l == null ? -1 : l;
    }

    static Map<String, String> delivery(Obligation o) {
        return switch (o.formId()) {
            case "maltall" -> Map.ofEntries(Map.entry("nyeMalbedrifter", "12"), Map.entry("malbedrifterIAret", "40"),
                    Map.entry("andelInnovasjonsstotte", "92"), Map.entry("andelSrlOkning", "30"),
                    Map.entry("andelTaksonomi", "20"), Map.entry("andelKvinner", "45"), Map.entry("andelEksport", "15"),
                    Map.entry("andelInternasjonalt", "25"), Map.entry("samarbeidsprosjekter", "3"),
                    Map.entry("andelVirkemidler", "60"), Map.entry("andelInternasjonaleAktorer", "10"));
            case "rapportering-halvar" -> Map.of("stotteNok", "350000", "antallBedrifter", "14", "levert", "true");
            case "rapportering-budsjett" -> Map.of("arslonn", "700000", "stillingsprosent", "100", "timepris", "800",
                    "timer", "1000", "belop", "950000", "levert", "true");
            case "rapportering-revisor" -> Map.of("belop", "950000", "levert", "true");
            default -> Map.of("levert", "true", "kommentar", "Levert i portalen.");
        };
    }
}
