package no.siva.programflyt.differentiation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.AfterCommit;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.tasks.TaskCompletionHandler;
import no.siva.programflyt.tasks.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Stores what each task of the round decided and hands the engine only the gateway variables and the dates. */
@Component
class DifferentiationTaskHandler implements TaskCompletionHandler {

    private final DifferentiationService service;
    private final DifferentiationAnalysis analysis;
    private final GrantModelService grantModels;
    private final AuditService audit;
    private final Labels labels;
    private final MessageSource messages;

    private final Clock clock;
    private final RoundCounties countyRows;

    public DifferentiationTaskHandler(Clock clock, DifferentiationService service, RoundCounties countyRows,
                                      DifferentiationAnalysis analysis, GrantModelService grantModels, AuditService audit,
                                      Labels labels, MessageSource messages) {
        this.clock = clock;
        this.service = service;
        this.countyRows = countyRows;
        this.analysis = analysis;
        this.grantModels = grantModels;
        this.audit = audit;
        this.labels = labels;
        this.messages = messages;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(DifferentiationService.PROCESS_ID, DifferentiationService.COUNTY_PROCESS_ID);
    }

    @Override
    public Map<String, List<String>> prefill(UserTask task) {
        if (!"fastsette-kalender".equals(task.getElementId())) {
            return Map.of();
        }
        DiffRound r = service.find(task.getCaseId()).orElseThrow();
        Map<String, List<String>> m = new HashMap<>();
        service.defaultCalendar(r.getYear()).forEach((step, d) -> m.put(step, List.of(d.toString())));
        return m;
    }

    @Override
    public TaskPanel panel(UserTask task) {
        DiffRound r = service.find(task.getCaseId()).orElse(null);
        if (r == null) {
            return null;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("r", r);
        String county = task.getCountyCode();
        model.put("countyCode", county);
        model.put("countyName", labels.county(county));
        if (county != null) {
            model.put("countyRow", service.county(r.getId(), county).orElse(null));
            model.put("sum", analysis.proposedSum(r, county));
        }
        if ("analyse".equals(task.getElementId())) {
            model.put("problems", analysis.analysisProblems(r.getId()));
        }
        return new TaskPanel("differentiation/panels", "round", model);
    }

    @Override
    public FormSubmission validate(UserTask task, FormSubmission s, Locale locale) {
        DiffRound r = service.find(task.getCaseId()).orElseThrow();
        switch (task.getElementId()) {
            case "fastsette-kalender" -> {
                var error = service.calendarError(r.getYear(), calendar(s));
                if (error.isPresent()) {
                    s = s.withError(error.get(), messages.getMessage("differentiation.error.calendarOrder",
                            new Object[] {r.getYear()}, locale));
                }
            }
            case "analyse" -> {
                List<String> problems = analysis.analysisProblems(r.getId());
                if (!problems.isEmpty()) {
                    s = s.withError("kvalitetssikret", messages.getMessage("differentiation.error.analysisIncomplete",
                            new Object[] {problems.size(), String.join("; ", problems.subList(0, Math.min(3, problems.size())))}, locale));
                } else if (grantModels.latest(r.getYear() + 1).isEmpty()) {
                    s = s.withError("kvalitetssikret", messages.getMessage("differentiation.error.noGrantModel",
                            new Object[] {r.getYear() + 1}, locale));
                }
            }
            case "modellgjennomgang" -> {
                if ("endret".equals(s.string("resultat")) && grantModels.latest(r.getYear() + 1)
                        .map(m -> m.id() == r.getGrantModelId()).orElse(true)) {
                    s = s.withError("resultat", messages.getMessage("differentiation.error.newVersionFirst", null, locale));
                }
            }
            case "plasseringsforslag" -> {
                String county = task.getCountyCode();
                var row = service.county(r.getId(), county).orElseThrow();
                boolean missing = analysis.results(r.getId(), county).stream().anyMatch(o -> o.proposedStep() == null);
                if (missing) {
                    s = s.withError("merknad", messages.getMessage("differentiation.error.stepMissing", null, locale));
                } else if (row.frameNok() != null && analysis.proposedSum(r, county).compareTo(row.frameNok()) > 0) {
                    Formats f = new Formats();
                    s = s.withError("merknad", messages.getMessage("differentiation.error.overFrame",
                            new Object[] {f.nok(analysis.proposedSum(r, county)), f.nok(row.frameNok())}, locale));
                }
            }
            default -> {}
        }
        return s;
    }

    @Override
    public Map<String, Object> onComplete(UserTask task, FormSubmission s, CurrentUser user) {
        DiffRound r = service.load(task.getCaseId());
        String county = task.getCountyCode();
        switch (task.getElementId()) {
            case "fastsette-kalender" -> {
                Map<String, LocalDate> d = calendar(s);
                r.setCalendar(d.get("informasjonsmote"), d.get("informasjonsgrunnlag"), d.get("fylkesmote"),
                        d.get("budsjettramme"), d.get("modellgjennomgang"), d.get("plasseringsforslag"),
                        d.get("tilbakemelding"), service.boardDate(d.get("tilbakemelding")), d.get("varsling"));
                record(r, user, "DIFF_CALENDAR_SET", "Kalenderen for runden er fastsatt: informasjonsgrunnlag "
                        + new Formats().date(r.getBasisDate()) + ", frist for tilbakemelding "
                        + new Formats().date(r.getFeedbackDeadline()) + ", varsling " + new Formats().date(r.getNotificationDate()));
                return Map.of("dates", service.dateVariables(r));
            }
            case "informasjonsmote" -> {
                r.infoMeetingHeld(LocalDate.parse(s.string("avholdt")), s.string("referat"));
                record(r, user, "DIFF_INFO_MEETING", "Informasjonsmøtet med fylkeskommunene er holdt. Deltakere: "
                        + s.string("deltakere"));
                return Map.of();
            }
            case "analyse" -> {
                analysis.freeze(r.getId(), user.username());
                return Map.of();
            }
            case "fylkesmote" -> {
                countyRows.meetingHeld(r.getId(), county, LocalDate.parse(s.string("avholdt")), s.string("referat"));
                record(r, user, "DIFF_COUNTY_MEETING", "Møte med " + labels.county(county) + " er holdt");
                return Map.of();
            }
            case "budsjettramme" -> {
                BigDecimal frame = s.decimal("ramme");
                countyRows.frameReported(r.getId(), county, frame, user.username(), clock.instant());
                record(r, user, "DIFF_FRAME", labels.county(county) + " har meldt foreløpig ramme: " + new Formats().nok(frame)
                        + (s.string("forbehold") == null ? "" : ". Forbehold: " + s.string("forbehold")));
                return Map.of();
            }
            case "modellgjennomgang" -> {
                var model = grantModels.latest(r.getYear() + 1).orElseThrow();
                r.modelsReviewed(model.id(), s.string("behandling"), clock.instant());
                record(r, user, "DIFF_MODELS_REVIEWED", "Modellene er gjennomgått (" + ("endret".equals(s.string("resultat"))
                        ? "endret" : "uendret") + ", " + model.label() + "). " + s.string("behandling"));
                AfterCommit.run(() -> service.publishToCounties(r, DifferentiationService.MODELS_MESSAGE));
                return Map.of();
            }
            case "plasseringsforslag" -> {
                countyRows.proposalMade(r.getId(), county, user.username());
                record(r, user, "DIFF_PROPOSAL", "Forslag til innplassering for " + labels.county(county) + ": "
                        + new Formats().nok(analysis.proposedSum(r, county))
                        + (s.string("merknad") == null ? "" : ". " + s.string("merknad")));
                return Map.of();
            }
            case "tilbakemelding" -> {
                boolean accepted = "godkjent".equals(s.string("vedtak"));
                countyRows.feedbackGiven(r.getId(), county, s.string("vedtak"), s.string("forbehold"), user.username(),
                        clock.instant());
                record(r, user, "DIFF_COUNTY_FEEDBACK", labels.county(county) + (accepted ? " slutter seg til forslaget"
                        : " ber om endringer i forslaget") + ". Forbehold: " + s.string("forbehold")
                        + (s.string("begrunnelse") == null ? "" : ". " + s.string("begrunnelse")));
                return Map.of("feedbackAccepted", accepted);
            }
            case "programstyret" -> {
                r.boardNoted(LocalDate.parse(s.string("motedato")), s.string("vedtak"));
                record(r, user, "DIFF_BOARD", "Programstyret har tatt innplasseringene til etterretning: " + s.string("vedtak"));
                return Map.of();
            }
            default -> throw new IllegalStateException("Unknown differentiation task " + task.getElementId());
        }
    }

    private static Map<String, LocalDate> calendar(FormSubmission s) {
        Map<String, LocalDate> m = new LinkedHashMap<>();
        for (String step : List.of("informasjonsmote", "informasjonsgrunnlag", "fylkesmote", "budsjettramme",
                "modellgjennomgang", "plasseringsforslag", "tilbakemelding", "varsling")) {
            String v = s.string(step);
            m.put(step, v == null ? null : LocalDate.parse(v));
        }
        return m;
    }

    private void record(DiffRound r, CurrentUser user, String action, String summary) {
        audit.record(user.username(), action, DifferentiationService.CASE_TYPE, r.getId(), String.valueOf(r.getYear()),
                summary, null);
    }
}
