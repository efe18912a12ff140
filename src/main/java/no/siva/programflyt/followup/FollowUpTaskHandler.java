package no.siva.programflyt.followup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.forms.FormSubmission;
import no.siva.programflyt.registry.GrantSteps;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.LimitedAnalysis;
import no.siva.programflyt.targetcompany.TargetCompanyRepository;
import no.siva.programflyt.tasks.TaskCompletionHandler;
import no.siva.programflyt.tasks.UserTask;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Stores what each follow-up task decided and hands the engine only the gateway variables. */
@Component
class FollowUpTaskHandler implements TaskCompletionHandler {

    private final FollowUpService service;
    private final FollowUpWork followUpWork;
    private final FollowUpMail mail;
    private final OperatorRepository operators;
    private final TargetCompanyRepository companies;
    private final CaseRecords records;
    private final AuditService audit;
    private final MessageSource messages;

    private final Clock clock;
    private final LimitedAnalysis limitedAnalysis;
    private final GrantSteps grantSteps;

    public FollowUpTaskHandler(Clock clock, FollowUpService service, FollowUpWork followUpWork, FollowUpMail mail,
                               OperatorRepository operators,
                               TargetCompanyRepository companies, CaseRecords records, AuditService audit,
                               MessageSource messages, LimitedAnalysis limitedAnalysis,
                               GrantSteps grantSteps) {
        this.clock = clock;
        this.limitedAnalysis = limitedAnalysis;
        this.grantSteps = grantSteps;
        this.service = service;
        this.followUpWork = followUpWork;
        this.mail = mail;
        this.operators = operators;
        this.companies = companies;
        this.records = records;
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    public Set<String> bpmnProcessIds() {
        return Set.of(FollowUpService.PROCESS_ID);
    }

    @Override
    public TaskPanel panel(UserTask task) {
        FollowUpCase c = service.findCase(task.getCaseId()).orElse(null);
        if (c == null) {
            return null;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("operator", operators.findById(c.getOperatorId()).orElseThrow());
        return switch (task.getElementId()) {
            case "kontrollere-avvikling" -> {
                model.put("companies", companies.findByOperatorIdOrderByName(c.getOperatorId()));
                yield new TaskPanel("followup/panels", "windDown", model);
            }
            case "begrenset-analyse" -> {
                model.put("analysis", limitedAnalysis.of(c.getOperatorId(), c.getFlaggedByRoundId(), analysisYear(c),
                        LocalDate.now(clock)));
                model.put("triggers", service.triggers(c.getId()));
                yield new TaskPanel("followup/panels", "limitedAnalysis", model);
            }
            case "folge-opp-tiltak" -> {
                model.put("measure", followUpWork.measures(c.getId()).stream()
                        .filter(m -> task.getSubjectId() != null && m.id() == task.getSubjectId()).findFirst().orElse(null));
                yield new TaskPanel("followup/panels", "measure", model);
            }
            default -> {
                model.put("triggers", service.triggers(c.getId()));
                model.put("measures", followUpWork.measures(c.getId()));
                model.put("meetings", followUpWork.meetings(c.getId()));
                model.put("board", followUpWork.scoreboards(c.getId()).stream().findFirst().orElse(null));
                model.put("areas", followUpWork.areas());
                yield new TaskPanel("followup/panels", "summary", model);
            }
        };
    }

    /** Concluding needs a scoreboard; continuing needs the agreed measures registered on the case. */
    @Override
    public FormSubmission validate(UserTask task, FormSubmission s, Locale locale) {
        if ("begrenset-analyse".equals(task.getElementId())) {
            return validateAnalysis(task, s, locale);
        }
        if (!"gjennomfore-oppfolging".equals(task.getElementId())) {
            return s;
        }
        long caseId = task.getCaseId();
        if (!followUpWork.hasScoreboard(caseId)) {
            s = s.withError("vurdering", messages.getMessage("followup.error.scoreboardRequired", null, locale));
        }
        if ("fortsette".equals(s.string("konklusjon")) && followUpWork.measures(caseId).stream().noneMatch(m -> !m.done())) {
            s = s.withError("konklusjon", messages.getMessage("followup.error.measuresRequired", null, locale));
        }
        return s;
    }

    /**
     * The limited analysis concludes on this year's scores (a real analysis, not a list of names): refused while the
     * year's values do not score the operator on every criterion; a lower grant names the new step, below today's.
     */
    private FormSubmission validateAnalysis(UserTask task, FormSubmission s, Locale locale) {
        FollowUpCase c = service.load(task.getCaseId());
        var analysis = limitedAnalysis.of(c.getOperatorId(), c.getFlaggedByRoundId(), analysisYear(c),
                LocalDate.now(clock));
        if (!analysis.complete()) {
            s = s.withError("resultat", messages.getMessage("followup.error.analysisIncomplete",
                    new Object[] {analysis.missing()}, locale));
        }
        BigDecimal step = s.decimal("nyttTrinn");
        if ("redusert-tilskudd".equals(s.string("resultat"))) {
            if (step == null) {
                s = s.withError("nyttTrinn", messages.getMessage("followup.error.newStepRequired", null, locale));
            } else if (analysis.currentStep() != null && step.intValue() >= analysis.currentStep()) {
                s = s.withError("nyttTrinn", messages.getMessage("followup.error.newStepNotLower",
                        new Object[] {analysis.currentStep()}, locale));
            }
        }
        return s;
    }

    /** The year a limited analysis belongs to: the year it falls due, whenever the task is concluded. */
    private int analysisYear(FollowUpCase c) {
        return c.getAnalysisDue() != null ? c.getAnalysisDue().getYear() : LocalDate.now(clock).getYear();
    }

    @Override
    public Map<String, Object> onComplete(UserTask task, FormSubmission s, CurrentUser user) {
        FollowUpCase c = service.load(task.getCaseId());
        Operator o = operators.findById(c.getOperatorId()).orElseThrow();
        switch (task.getElementId()) {
            case "gjennomfore-oppfolging" -> {
                String conclusion = "avslutte".equals(s.string("konklusjon")) ? FollowUpCase.TERMINATE : FollowUpCase.CONTINUE;
                c.concluded(conclusion, s.string("vurdering"), s.string("begrunnelse"), user.username(), clock.instant());
                record(c, user, "FOLLOW_UP_CONCLUDED", FollowUpCase.TERMINATE.equals(conclusion)
                        ? "Konklusjon: avslutte samarbeidet (til samråd med fylkeskommunen). " + s.string("begrunnelse")
                        : "Konklusjon: fortsette med utviklingstiltak. " + s.string("begrunnelse"));
                if (FollowUpCase.TERMINATE.equals(conclusion)) {
                    mail.send("consultation-" + c.getConcludedAt().toEpochMilli(), mail.county(c), "followup-consultation",
                            c, o, Map.of(), null);
                }
                return Map.of("conclusion", conclusion);
            }
            case "folge-opp-tiltak" -> {
                records.completeMeasure(task.getSubjectId(), c.getId(), s.string("kommentar"), user.username(), clock.instant());
                record(c, user, "FOLLOW_UP_MEASURE_DONE", "Utviklingstiltak gjennomført: " + task.getName() + ". "
                        + s.string("kommentar"));
                return Map.of();
            }
            case "begrenset-analyse" -> {
                String outcome = switch (s.string("resultat")) {
                    case "redusert-tilskudd" -> "REDUCED_GRANT";
                    case "ut-av-programmet" -> "OUT_OF_PROGRAMME";
                    default -> "SAME_LEVEL";
                };
                c.analysed(outcome, s.string("begrunnelse"), user.username(), clock.instant());
                LocalDate today = LocalDate.now(clock);
                var analysis = limitedAnalysis.of(c.getOperatorId(), c.getFlaggedByRoundId(), analysisYear(c), today);
                Integer newStep = "REDUCED_GRANT".equals(outcome) ? s.decimal("nyttTrinn").intValue() : null;
                c.analysisResult(analysis.roundId(), analysis.summary(), newStep);
                if (newStep != null) {   // §15.3.10: a new step takes effect from the coming year
                    grantSteps.record(c.getOperatorId(), newStep, LocalDate.of(today.getYear() + 1, 1, 1),
                            GrantSteps.LIMITED_ANALYSIS, analysis.roundId(), user.username());
                }
                record(c, user, "FOLLOW_UP_ANALYSED", "Begrenset differensieringsanalyse: "
                        + messages.getMessage("followup.analysis." + outcome, null, Locale.forLanguageTag("nb"))
                        + ". " + s.string("begrunnelse"));
                if ("OUT_OF_PROGRAMME".equals(outcome)) {
                    mail.send("consultation-analysis", mail.county(c), "followup-consultation", c, o, Map.of(), null);
                }
                return Map.of("analysisOutcome", outcome);
            }
            case "samrad-fylket" -> {
                boolean agrees = "stotter".equals(s.string("standpunkt"));
                c.countyConsulted(agrees, s.string("begrunnelse"), user.username(), clock.instant());
                record(c, user, "FOLLOW_UP_COUNTY_CONSULTED", (agrees ? "Fylkeskommunen støtter at samarbeidet avsluttes. "
                        : "Fylkeskommunen støtter ikke avslutning; saken går tilbake til Siva. ") + s.string("begrunnelse"));
                return Map.of("countyAgrees", agrees);
            }
            case "kontrollere-avvikling" -> {
                record(c, user, "FOLLOW_UP_WIND_DOWN_CHECKED", "Avviklingen av målbedriftene er kontrollert"
                        + (s.string("merknad") == null ? "" : ": " + s.string("merknad")));
                return Map.of();
            }
            default -> throw new IllegalStateException("Unknown follow-up task " + task.getElementId());
        }
    }

    private void record(FollowUpCase c, CurrentUser user, String action, String summary) {
        audit.record(user.username(), action, FollowUpService.CASE_TYPE, c.getId(), c.getOrgNumber(), summary, null);
    }
}
