package no.siva.programflyt.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import no.siva.programflyt.admission.AdmissionCase;
import no.siva.programflyt.admission.AdmissionService;
import no.siva.programflyt.admission.CommissionForm;
import no.siva.programflyt.admission.ProjectType;
import no.siva.programflyt.followup.FollowUpWork;
import no.siva.programflyt.followup.OperatorDialogues;
import no.siva.programflyt.followup.FollowUpService;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.reporting.ReportingService;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserDetailsService;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.targetcompany.TargetCompanyImport;
import no.siva.programflyt.targetcompany.TargetCompanyService;
import no.siva.programflyt.tasks.TaskService;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo cases in different states for the one-command run: each admission case is driven through the real
 * process (real workers, real task completion), so what the demo shows is what the system does.
 */
@Component
@ConditionalOnProperty(name = "programflyt.demo.cases", havingValue = "true")
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final Locale NB = Locale.forLanguageTag("nb");
    /** Staff of the demo operator admitted through the process, who have its onboarding tasks. */
    public static final String HARDANGER_USER = "hardanger";

    private final AdmissionService admissions;
    private final TaskService tasks;
    private final UserTaskRepository taskRows;
    private final AppUserDetailsService users;
    private final AppUserRepository userRows;
    private final OperatorRepository operators;
    private final PasswordEncoder encoder;
    private final TargetCompanyImport targetImport;
    private final TargetCompanyService targetCompanies;
    private final ReportingService reportingCalendars;
    private final FollowUpService followUps;
    private final OperatorDialogues operatorDialogues;
    private final FollowUpWork followUpWork;
    private final DemoDifferentiation differentiation;

    private final Clock clock;

    public DemoCases(Clock clock, AdmissionService admissions, TaskService tasks, UserTaskRepository taskRows,
                     AppUserDetailsService users, AppUserRepository userRows, OperatorRepository operators,
                     PasswordEncoder encoder, TargetCompanyImport targetImport,
                     TargetCompanyService targetCompanies,
                     ReportingService reportingCalendars,
                     FollowUpService followUps, OperatorDialogues operatorDialogues, FollowUpWork followUpWork,
                     DemoDifferentiation differentiation) {
        this.clock = clock;
        this.differentiation = differentiation;
        this.reportingCalendars = reportingCalendars;
        this.followUps = followUps;
        this.operatorDialogues = operatorDialogues;
        this.followUpWork = followUpWork;
        this.targetImport = targetImport;
        this.targetCompanies = targetCompanies;
        this.admissions = admissions;
        this.tasks = tasks;
        this.taskRows = taskRows;
        this.users = users;
        this.userRows = userRows;
        this.operators = operators;
        this.encoder = encoder;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create(ApplicationReadyEvent ready) {
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port");
        Thread t = new Thread(() -> {
            createAll();
            if (port != null) {
                warmUp("http://localhost:" + port);
            }
        }, "demo-cases");
        t.setDaemon(true);
        t.start();
    }

    private void createAll() {
        try {
            CurrentUser vestland = user(DemoUsers.VESTLAND);
            CurrentUser nordland = user(DemoUsers.NORDLAND);
            CurrentUser siva = user(DemoUsers.CASE_HANDLER);
            // 1. Waiting for Siva's pilot project.
            commission(vestland, "912345742", "Nordfjord Innovasjon AS", "46", 3);
            // 2. Waiting for the county's decision (Nordland).
            AdmissionCase lofoten = commission(nordland, "912345815", "Lofoten Kunnskapspark AS", "18", 2);
            assess(siva, lofoten, true);
            propose(siva, lofoten, "1500000");
            // 3. Waiting for the county's decision (Vestland): the browser journey's case.
            AdmissionCase sunnfjord = commission(vestland, "912345882", "Sunnfjord Vekst AS", "46", 4);
            assess(siva, sunnfjord, true);
            propose(siva, sunnfjord, "1200000");
            // 4. Admitted.
            AdmissionCase hardanger = commission(vestland, "912345955", "Hardanger Næringshage AS", "46", 1);
            assess(siva, hardanger, true);
            propose(siva, hardanger, "1800000");
            complete(vestland, hardanger, "fylkets-vedtak", Map.of("vedtak", List.of("godkjent"),
                    "vedtattTilskudd", List.of("1800000"), "forbehold", List.of("Forbehold om Stortingets behandling av statsbudsjettet."),
                    "begrunnelse", List.of("Selskapet er godt forankret i regionen.")));
            // ... whose staff (user "hardanger") now has the onboarding tasks.
            Operator admitted = await(() -> operators.findByOrgNumber("912345955").orElse(null));
            userRows.save(new AppUser(HARDANGER_USER, "Hanne Hardanger", "hanne@hardangernh.example.no",
                    encoder.encode(DemoUsers.PASSWORD), Set.of(Role.OPERATOR), Set.of(), admitted.getId()));
            // 5. Not qualified: the register shows an ASA.
            AdmissionCase ikke = commission(vestland, "912346021", "Fjordtest Utvikling ASA", "46", 2);
            assess(siva, ikke, false);
            // 6. A geographic expansion project for an existing operator, waiting for Siva.
            CommissionForm expansion = new CommissionForm();
            expansion.setProjectType(ProjectType.GEOGRAFISK_UTVIDELSE);
            expansion.setOperatorId(operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId());
            expansion.setCountyCode("46");
            expansion.setPilotBudget("400000");
            expansion.setPilotEndDate(LocalDate.now(clock).plusMonths(5));
            expansion.setDescription("Utvidelse av nedslagsfeltet til Sunnfjord.");
            admissions.register(vestland, expansion);
            // 7. Sogn Næringshage's target companies: three existing ones imported, one new in needs mapping.
            CurrentUser sognStaff = user(DemoUsers.OPERATOR_USER);
            long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
            LocalDate y = LocalDate.now(clock).minusMonths(14);
            String csv = "organisasjonsnummer;navn;e-post;opptaksdato;avtalestart;avtaleslutt;støtteintensitet;ktu-navn;ktu-epost\n"
                    + "912346226;Sognefisk AS;post@sognefisk.example.no;" + y + ";" + y + ";" + y.plusYears(3)
                    + ";60;Siri Fisk;siri@sognefisk.example.no\n"
                    + "912346277;Lærdal Tre AS;post@laerdaltre.example.no;" + y.plusMonths(5) + ";" + y.plusMonths(5) + ";" + y.plusYears(2)
                    + ";50;Tor Tre;tor@laerdaltre.example.no\n"
                    + "912346285;Vikøy Design AS;;" + y.plusMonths(9) + ";" + y.plusMonths(9) + ";" + y.plusYears(4)
                    + ";75;Vilde Design;vilde@vikoy.example.no\n";
            targetImport.importCsv(sognStaff, sogn, csv.getBytes(StandardCharsets.UTF_8));
            targetCompanies.register(sognStaff, sogn, "912346293", "Fjærland Opplevelser AS", "post@fjaerland.example.no");
            // 8. This year's reporting calendars for the demo operators (the deadlines still ahead).
            for (String org : DemoUsers.DEMO_OPERATORS) {
                reportingCalendars.startYear(operators.findByOrgNumber(org).orElseThrow().getId(), LocalDate.now(clock).getYear());
            }
            // 9. Helgeland Næringshage: a development dialogue without the desired development raises an
            //    extraordinary follow-up (as a message), with a first meeting and scoreboard.
            long helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
            operatorDialogues.recordDialogue(siva, helgeland, LocalDate.now(clock).minusDays(20), true, false,
                    "Porteføljen har krympet to år på rad, og måltallene for andel med innovasjonsstøtte er ikke nådd.");
            var followUp = await(() -> followUps.forOperator(helgeland).stream().findFirst().orElse(null));
            followUpWork.recordMeeting(nordland, followUp.getId(), LocalDate.now(clock).minusDays(7), "DIGITALT",
                    "Siva, Nordland fylkeskommune, daglig leder og styreleder",
                    "Gjennomgang av måltall og portefølje. Operatøren legger fram en plan for rekruttering av målbedrifter.");
            Map<String, Integer> scores = new LinkedHashMap<>();
            followUpWork.areas().keySet().forEach(a -> scores.put(a, "rapportering".equals(a) || "aktivitet".equals(a) ? 2 : 3));
            followUpWork.saveScoreboard(siva, followUp.getId(), scores,
                    Map.of("aktivitet", "Få nye målbedrifter i år.", "rapportering", "Måltall levert etter fristen."));
            // 10. This year's differentiation round, analysed; it goes on by its own calendar.
            differentiation.create(user(DemoUsers.PROJECT_LEADER), siva);
            log.info("Demo cases created");
        } catch (RuntimeException e) {
            log.warn("Could not create all demo cases: {}", e.toString());
        }
    }

    /**
     * Visits every page the demo users reach by following links, once, so that the first visitor finds them warm
     * (templates parsed and cached, code compiled): issue 25. A page that fails is logged, not fatal.
     */
    private void warmUp(String base) {
        long t = System.nanoTime();
        int pages = 0;
        for (String username : List.of(DemoUsers.CASE_HANDLER, DemoUsers.PROJECT_LEADER, DemoUsers.VESTLAND,
                DemoUsers.OPERATOR_USER, HARDANGER_USER)) {
            try {
                pages += DemoPages.signedIn(base, username, DemoUsers.PASSWORD).crawl(200, (path, status) -> {
                    if (status >= 500) {
                        log.warn("Warm-up: {} answered {} for {}", path, status, username);
                    }
                }).size();
            } catch (IOException | RuntimeException e) {
                log.warn("Warm-up as {} stopped: {}", username, e.toString());
            }
        }
        log.info("Pages warmed: {} visits in {} ms", pages, (System.nanoTime() - t) / 1_000_000);
    }

    private CurrentUser user(String name) {
        return (CurrentUser) users.loadUserByUsername(name);
    }

    private AdmissionCase commission(CurrentUser county, String org, String name, String countyCode, int months) {
        CommissionForm f = new CommissionForm();
        f.setProjectType(ProjectType.FORPROSJEKT_OPPTAK);
        f.setOrgNumber(org);
        f.setCompanyName(name);
        f.setCountyCode(countyCode);
        f.setCompanyEmail("post@" + org + ".example.no");
        f.setPilotBudget("250000");
        f.setPilotEndDate(LocalDate.now(clock).plusMonths(months));
        f.setDescription("Forprosjekt for mulig opptak av " + name + " i næringshageprogrammet.");
        return admissions.register(county, f);
    }

    private void assess(CurrentUser siva, AdmissionCase c, boolean qualified) {
        Map<String, List<String>> v = new HashMap<>();
        for (int i = 1; i <= 8; i++) {
            v.put("kriterium" + i, List.of(qualified || i > 2 ? "oppfylt" : "ikke-oppfylt"));
            v.put("begrunnelse" + i, List.of(qualified || i > 2 ? "Dokumentert i forprosjektrapporten."
                    : "Kommunen eier flertallet av aksjene."));
        }
        v.put("konklusjon", List.of(qualified ? "kvalifisert" : "ikke-kvalifisert"));
        v.put("oppsummering", List.of(qualified ? "Selskapet oppfyller kriteriene for opptak."
                : "Selskapet har ikke privat aksjemajoritet og er derfor ikke kvalifisert."));
        complete(siva, c, "gjennomfore-forprosjekt", v);
    }

    private void propose(CurrentUser siva, AdmissionCase c, String amount) {
        complete(siva, c, "foresla-tilskudd", Map.of("foreslattTilskudd", List.of(amount),
                "begrunnelse", List.of("Nivået svarer til sammenlignbare næringshager i regionen.")));
    }

    private void complete(CurrentUser user, AdmissionCase c, String elementId, Map<String, List<String>> values) {
        UserTask task = await(() -> taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(AdmissionService.CASE_TYPE, c.getId())
                .stream().filter(t -> t.isOpen() && t.getElementId().equals(elementId)).findFirst().orElse(null));
        var result = tasks.complete(user, task.getId(), values, NB);
        if (!result.valid()) {
            throw new IllegalStateException("Demo form invalid: " + result.errors());
        }
    }

    static <T> T await(Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() - deadline < 0) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("Demo task did not appear in time");
    }
}
