package no.siva.programflyt.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import no.siva.programflyt.differentiation.DiffRound;
import no.siva.programflyt.differentiation.DifferentiationAnalysis;
import no.siva.programflyt.differentiation.DifferentiationService;
import no.siva.programflyt.differentiation.GrantModelService;
import no.siva.programflyt.differentiation.IndicatorImport;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.tasks.TaskService;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.springframework.stereotype.Component;

/**
 * The demo's differentiation: example grant models (the guide gives no amounts) and this year's round started by the
 * project leader with the default calendar, its information meeting held and its analysis done from example data.
 * The round then runs on its own dates (in a year without differentiation, only the limited analysis runs).
 */
@Component
class DemoDifferentiation {

    private static final Locale NB = Locale.forLanguageTag("nb");

    private final DifferentiationService service;
    private final DifferentiationAnalysis analysis;
    private final GrantModelService grantModels;
    private final IndicatorImport imports;
    private final TaskService tasks;
    private final UserTaskRepository taskRows;

    private final Clock clock;

    DemoDifferentiation(Clock clock, DifferentiationService service, DifferentiationAnalysis analysis, GrantModelService grantModels,
                        IndicatorImport imports,
                        TaskService tasks, UserTaskRepository taskRows) {
        this.clock = clock;
        this.service = service;
        this.analysis = analysis;
        this.grantModels = grantModels;
        this.imports = imports;
        this.tasks = tasks;
        this.taskRows = taskRows;
    }

    void create(CurrentUser leader, CurrentUser siva) {
        int year = LocalDate.now(clock).getYear();
        for (int first : new int[] {year % 2 == 1 ? year : year - 1, year % 2 == 1 ? year + 2 : year + 1}) {
            TreeMap<Integer, BigDecimal> steps = new TreeMap<>();
            for (int s = 1; s <= 8; s++) {
                steps.put(s, BigDecimal.valueOf(1_400_000L + 400_000L * s));
            }
            grantModels.newVersion(first, steps, "Eksempelmodell i demoen (veilederen oppgir ikke beløpene)", leader.username());
        }
        DiffRound r = service.startManually(leader, year);
        if (!r.isDifferentiation()) {
            return;
        }
        Map<String, List<String>> calendar = new HashMap<>();
        service.defaultCalendar(year).forEach((k, v) -> calendar.put(k, List.of(v.toString())));
        complete(leader, r, "fastsette-kalender", calendar);
        complete(leader, r, "informasjonsmote", Map.of("avholdt", List.of(LocalDate.of(year, 9, 4).toString()),
                "deltakere", List.of("Siva og alle oppdragsgiverne"),
                "referat", List.of("Kriteriene, tidsplanen og kommunikasjonsplanen ble gjennomgått.")));
        // three report years of example values: each operator's quality q (5 best) sets its level, and the years
        // move it a little (the best grow, the weakest fall), so the page shows changes and development
        StringBuilder csv = new StringBuilder("organisasjonsnummer;indikator;rapportår;verdi\n");
        List<Operator> operators = service.participants();
        for (int i = 0; i < operators.size(); i++) {
            int q = 5 - i % 5;
            String org = operators.get(i).getOrgNumber();
            for (int back = 2; back >= 0; back--) {
                int reportYear = year - 1 - back;
                BigDecimal drift = BigDecimal.valueOf((long) (q - 3) * (2 - back));   // -4 .. +4 over the years
                BigDecimal bq = BigDecimal.valueOf(q);
                for (Indicator ind : service.indicators()) {
                    if (!ind.importable()) {
                        continue;
                    }
                    BigDecimal v = switch (ind.unit()) {
                        case SCALE -> new BigDecimal("2.5").add(bq.multiply(new BigDecimal("0.4")))
                                .add(drift.multiply(new BigDecimal("0.05")));
                        case ATTAINMENT -> new BigDecimal("0.6").add(bq.multiply(new BigDecimal("0.1")));
                        case COUNT -> BigDecimal.valueOf(8L + q * 4L).add(drift);
                        default -> BigDecimal.valueOf(10L + q * 6L).add(drift);
                    };
                    csv.append(org).append(';').append(ind.code()).append(';').append(reportYear).append(';')
                            .append(v.toPlainString()).append('\n');
                }
                csv.append(org).append(";sund.driftsresultat;").append(reportYear).append(';')
                        .append(q == 1 && back < 2 ? -150000 : 120000 * q).append('\n');
                csv.append(org).append(";sund.egenkapital;").append(reportYear).append(';').append(400000 * q).append('\n');
                csv.append(org).append(";sund.soliditet;").append(reportYear).append(';').append(15 + q * 5).append('\n');
            }
            analysis.setMinimumAndPotential(siva, r.getId(), operators.get(i).getId(), 2 + q / 2, 4 + q / 2);
        }
        var imported = imports.importCsv(siva, r.getId(), csv.toString().getBytes(StandardCharsets.UTF_8));
        if (!imported.errors().isEmpty()) {
            throw new IllegalStateException("Demo indicator data invalid: " + imported.errors());
        }
        complete(siva, r, "analyse", Map.of("kvalitetssikret", List.of("true"),
                "merknad", List.of("Data fra FBP, KTU og Brreg per 1. september.")));
    }

    private void complete(CurrentUser user, DiffRound r, String elementId, Map<String, List<String>> values) {
        UserTask task = DemoCases
                .await(() -> taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(DifferentiationService.CASE_TYPE, r.getId())
                        .stream().filter(t -> t.isOpen() && t.getElementId().equals(elementId)).findFirst().orElse(null));
        var result = tasks.complete(user, task.getId(), values, NB);
        if (!result.valid()) {
            throw new IllegalStateException("Demo form invalid: " + result.errors());
        }
    }
}
