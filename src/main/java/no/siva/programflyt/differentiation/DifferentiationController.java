package no.siva.programflyt.differentiation;

import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.Development;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.differentiation.scoring.IndicatorCatalogue;
import no.siva.programflyt.differentiation.scoring.Method;
import no.siva.programflyt.differentiation.scoring.ScoringEngine;
import no.siva.programflyt.differentiation.scoring.ThreeYears;
import no.siva.programflyt.differentiation.scoring.Unit;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.registry.GrantSteps;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.RefusedReturnsTo;
import no.siva.programflyt.tasks.CaseDiagram;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The differentiation round's pages for Siva: the rounds, one round (its timeline, import, state budget and messages)
 * and one operator in it (the score explained, its values and its placement). A county's part is
 * {@link DifferentiationCountyController}'s, the operator's own view {@link MyDifferentiationController}'s, the method
 * and grant model {@link DifferentiationSetupController}'s; who may see what is {@link DifferentiationAccess}'s.
 */
@Controller
class DifferentiationController {

    private final Clock clock;
    private final DifferentiationService service;
    private final DifferentiationAnalysis analysis;
    private final GrantModelService grantModels;
    private final IndicatorImport imports;
    private final OperatorRepository operators;
    private final DocumentService documents;
    private final UserTaskRepository taskRows;
    private final GrantSteps grantSteps;
    private final TransactionTemplate tx;
    private final Labels labels;

    DifferentiationController(Clock clock, DifferentiationService service, DifferentiationAnalysis analysis, GrantModelService grantModels,
                              IndicatorImport imports, OperatorRepository operators, DocumentService documents, UserTaskRepository taskRows,
                              GrantSteps grantSteps, TransactionTemplate tx, Labels labels) {
        this.labels = labels;
        this.clock = clock;
        this.service = service;
        this.analysis = analysis;
        this.grantModels = grantModels;
        this.imports = imports;
        this.operators = operators;
        this.documents = documents;
        this.taskRows = taskRows;
        this.grantSteps = grantSteps;
        this.tx = tx;
    }

    // ---- rounds ----------------------------------------------------------------------------------------------------

    @GetMapping("/differentiation")
    public String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.isOperatorUser() && !DifferentiationAccess.siva(user)) {
            return "redirect:/differentiation/mine";
        }
        if (!DifferentiationAccess.siva(user) && !user.isCountyOfficial()) {
            throw new AccessDeniedException("no differentiation pages");
        }
        model.addAttribute("rounds", service.rounds());
        model.addAttribute("mayStart", DifferentiationAccess.projectLeader(user));
        int thisYear = LocalDate.now(clock).getYear();
        model.addAttribute("nextYear", service.byYear(thisYear).isPresent() ? thisYear + 1 : thisYear);
        model.addAttribute("siva", DifferentiationAccess.siva(user));
        model.addAttribute("myCounties", user.counties());
        return "differentiation/list";
    }

    @PostMapping("/differentiation/start")
    @RefusedReturnsTo("/differentiation")
    public String start(@AuthenticationPrincipal CurrentUser user, @Valid RoundForms.Start form, BindingResult binding,
                        RedirectAttributes flash) {
        if (binding.hasErrors()) {
            flash.addFlashAttribute("errorKey", "differentiation.error.yearFormat");
            return "redirect:/differentiation";
        }
        int y = form.year();
        DiffRound r = service.startManually(user, y);
        flash.addFlashAttribute("successKey", "differentiation.started");
        flash.addFlashAttribute("successArgs", new Object[] {String.valueOf(y)});
        return "redirect:/differentiation/" + r.getId();
    }

    @GetMapping("/differentiation/{id}")
    public String round(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        DiffRound r = service.get(id);
        if (!DifferentiationAccess.siva(user)) {
            if (user.isCountyOfficial() && !user.counties().isEmpty()) {
                return "redirect:/differentiation/" + id + "/county/" + user.counties().iterator().next();
            }
            return "redirect:/differentiation/mine";
        }
        LocalDate today = LocalDate.now(clock);
        List<DifferentiationService.CountyRow> counties = service.counties(id);
        model.addAttribute("r", r);
        model.addAttribute("timeline", RoundTimeline.of(r, counties, labels, today));
        model.addAttribute("counties", counties);
        model.addAttribute("participants", service.participants());
        boolean frozen = r.getAnalysisDoneAt() != null;
        model.addAttribute("frozen", frozen);
        List<DifferentiationAnalysis.OperatorResult> results = analysis.results(id);
        model.addAttribute("results", results);
        List<ScoringEngine.Result> live = frozen ? List.of() : analysis.liveScores(id);
        model.addAttribute("live", live);
        if (!r.isDifferentiation()) {
            model.addAttribute("limitedCases", analysis.limitedCases(r.getYear()));
        }
        model.addAttribute("years", DifferentiationService.reportYears(r));
        model.addAttribute("placed", analysis.resultsByOperator(id));
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("distribution", distribution(results));
        Map<String, BigDecimal> sums = new HashMap<>();
        counties.forEach(c -> sums.put(c.countyCode(), analysis.proposedSum(r, c.countyCode())));
        model.addAttribute("sums", sums);
        model.addAttribute("model", r.getGrantModelId() == null ? grantModels.latest(r.getYear() + 1).orElse(null)
                : grantModels.load(r.getGrantModelId()));
        model.addAttribute("mayLead", DifferentiationAccess.projectLeader(user));
        var tasks = taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(DifferentiationService.CASE_TYPE, id);
        model.addAttribute("tasks", tasks);
        // what to do next: the open task due first, and the round's status in words
        model.addAttribute("nextTask", tasks.stream().filter(UserTask::isOpen)
                .filter(t -> t.getDueAt() != null).min(Comparator.comparing(UserTask::getDueAt))
                .or(() -> tasks.stream().filter(UserTask::isOpen).findFirst()).orElse(null));
        model.addAttribute("problems", frozen || r.getStatus() != RoundStatus.ANALYSIS ? List.of() : analysis.analysisProblems(id, live));
        model.addAttribute("diagram", CaseDiagram.of(DifferentiationService.PROCESS_ID, tasks));
        model.addAttribute("documents", documents.forCase(DifferentiationService.CASE_TYPE, id).stream()
                .filter(d -> !d.getKind().startsWith("VARSEL-")).toList());
        return "differentiation/round";
    }

    @PostMapping("/differentiation/{id}/import")
    public String importValues(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestParam("file") MultipartFile file, Model model, RedirectAttributes flash)
            throws IOException {
        DifferentiationAccess.requireSiva(user);
        DiffRound r = service.get(id);
        if (file.isEmpty()) {
            flash.addFlashAttribute("errorKey", "import.error.empty");
            return "redirect:/differentiation/" + id + "#import";
        }
        if (r.getAnalysisDoneAt() != null) {
            flash.addFlashAttribute("errorKey", "differentiation.error.frozen");
            return "redirect:/differentiation/" + id;
        }
        IndicatorImport.Result result = imports.importCsv(user, id, file.getBytes());
        if (!result.errors().isEmpty()) {
            model.addAttribute("importErrors", result.errors());
            return round(user, id, model);
        }
        flash.addFlashAttribute("successKey", "differentiation.imported");
        flash.addFlashAttribute("successArgs", new Object[] {result.imported()});
        return "redirect:/differentiation/" + id;
    }

    @PostMapping("/differentiation/{id}/state-budget")
    public String stateBudget(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                              @Valid RoundForms.BudgetDate form, BindingResult binding, RedirectAttributes flash) {
        DifferentiationAccess.requireSiva(user);
        if (binding.hasErrors()) {
            flash.addFlashAttribute("budgetError", "differentiation.error.date");
            return "redirect:/differentiation/" + id + "#budget-date";
        }
        LocalDate on = form.date();
        if (on.isAfter(LocalDate.now(clock))) {
            flash.addFlashAttribute("budgetError", "differentiation.error.dateInFuture");
            return "redirect:/differentiation/" + id + "#budget-date";
        }
        service.budgetProposalPublished(user, id, on);
        flash.addFlashAttribute("successKey", "differentiation.budgetRegistered");
        return "redirect:/differentiation/" + id;
    }

    /** Sends the round-wide messages to the county steps again (after a send that failed). */
    @PostMapping("/differentiation/{id}/resend")
    public String resend(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        service.resendMessages(user, id);
        flash.addFlashAttribute("successKey", "differentiation.resent");
        return "redirect:/differentiation/" + id;
    }

    // ---- one operator: the score explained, values and placement ------------------------------------------------

    @GetMapping("/differentiation/{id}/operator/{operatorId}")
    public String operator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long operatorId,
                           Model model) {
        DifferentiationAccess.requireSiva(user);
        DiffRound r = service.get(id);
        Operator o = operators.findById(operatorId).orElseThrow(() -> new NotFoundException("operator " + operatorId));
        ScoringEngine.Result live = analysis.liveScores(id).stream().filter(s -> s.operatorId() == operatorId).findFirst()
                .orElseThrow(() -> new NotFoundException("operator " + operatorId));
        DifferentiationAnalysis.Inputs inputs = analysis.inputs(id);
        Method method = service.method(r);
        boolean frozen = r.getAnalysisDoneAt() != null;
        model.addAttribute("r", r);
        model.addAttribute("operator", o);
        model.addAttribute("score", live);
        model.addAttribute("frozen", frozen);
        DifferentiationAnalysis.OperatorResult result = analysis.resultsByOperator(id).get(operatorId);
        model.addAttribute("result", result);
        model.addAttribute("reasonLines", lines(result == null ? null : result.reasons()));
        model.addAttribute("criteria", Criterion.values());
        Map<Criterion, List<ScoringEngine.IndicatorScore>> byCriterion = new EnumMap<>(Criterion.class);
        live.indicators().forEach(s -> byCriterion.computeIfAbsent(s.indicator().criterion(), c -> new ArrayList<>()).add(s));
        model.addAttribute("byCriterion", byCriterion);
        model.addAttribute("years", DifferentiationService.reportYears(r));
        model.addAttribute("inputs", inputs.of(operatorId));
        Map<String, ThreeYears.Change> changes = analysis.changes(r, method, inputs, operatorId);
        model.addAttribute("changes", changes);
        model.addAttribute("soundness", IndicatorCatalogue.SOUNDNESS);
        List<String> warnings = frozen && result != null ? lines(result.soundness()) : analysis.soundness(r, method, inputs, operatorId);
        model.addAttribute("soundnessWarnings", warnings);
        model.addAttribute("developmentLines", frozen && result != null ? lines(result.development())
                : lines(Reasons.development(Development.of(method.indicators(), changes,
                        method.thresholds().declineTolerancePercent()), new Formats())));
        model.addAttribute("thresholds", method.thresholds());
        model.addAttribute("notRanked", live.complete() ? null : DifferentiationAnalysis.notRankedReason(live));
        model.addAttribute("model", r.getGrantModelId() != null ? grantModels.load(r.getGrantModelId())
                : grantModels.latest(r.getYear() + 1).orElse(null));
        model.addAttribute("steps", grantSteps.history(operatorId));
        return "differentiation/operator";
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
    }

    /**
     * Siva's hand-entered values for the three report years (fields "v.&lt;year&gt;.&lt;code&gt;"): each checked like
     * an imported one (a number, within its indicator's range); any error shows the form again with every value as
     * typed and saves nothing. Programflyt's own values are not fields.
     */
    @PostMapping("/differentiation/{id}/operator/{operatorId}/values")
    @RefusedReturnsTo("/differentiation/{id}/operator/{operatorId}")
    public String saveValues(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long operatorId,
                             @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash) {
        DifferentiationAccess.requireSiva(user);
        DiffRound r = service.get(id);
        Map<String, Unit> units = new LinkedHashMap<>();
        service.method(r).indicators().stream().filter(Indicator::importable).forEach(i -> units.put(i.code(), i.unit()));
        IndicatorCatalogue.SOUNDNESS.forEach(f -> units.put(f.code(), f.unit()));
        Map<Integer, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int year : DifferentiationService.reportYears(r)) {
            for (Map.Entry<String, Unit> e : units.entrySet()) {
                String field = year + "." + e.getKey();
                if (!form.containsKey("v." + field)) {
                    continue;   // not a field (Programflyt's value)
                }
                String raw = form.getFirst("v." + field);
                typed.put(field, raw);
                Map<String, BigDecimal> y = values.computeIfAbsent(year, k -> new LinkedHashMap<>());
                if (raw == null || raw.isBlank()) {
                    y.put(e.getKey(), null);
                    continue;
                }
                BigDecimal v = IndicatorImport.parseValue(raw);
                if (v == null) {
                    errors.put(field, "differentiation.values.notNumber");
                } else if (!e.getValue().accepts(v)) {
                    errors.put(field, "differentiation.values.range");
                } else {
                    y.put(e.getKey(), v);
                }
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("valueErrors", errors);
            model.addAttribute("typed", typed);
            model.addAttribute("units", units);
            return operator(user, id, operatorId, model);
        }
        tx.executeWithoutResult(st -> values.forEach((year, v) -> analysis.setValues(user, id, operatorId, year, v, "SIVA")));
        flash.addFlashAttribute("successKey", "differentiation.valuesSaved");
        return "redirect:/differentiation/" + id + "/operator/" + operatorId;
    }

    @PostMapping("/differentiation/{id}/operator/{operatorId}/placement")
    @RefusedReturnsTo("/differentiation/{id}/operator/{operatorId}#placement")
    public String placement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long operatorId,
                            @RequestParam(required = false) String minimum, @RequestParam(required = false) String potential,
                            RedirectAttributes flash) {
        DifferentiationAccess.requireSiva(user);
        DiffRound r = service.get(id);
        var model = grantModels.latest(r.getYear() + 1).orElse(null);
        Integer min = GrantModelService.stepOf(minimum, model);
        Integer pot = GrantModelService.stepOf(potential, model);
        String back = "redirect:/differentiation/" + id + "/operator/" + operatorId + "#placement";
        if (min == null || pot == null) {
            flash.addFlashAttribute("errorKey", "differentiation.error.step");
            flash.addFlashAttribute("errorArgs", new Object[] {model == null ? 0 : model.steps().size()});
            return back;
        }
        analysis.setMinimumAndPotential(user, id, operatorId, min, pot);
        flash.addFlashAttribute("successKey", "differentiation.placementSaved");
        return back;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static Map<Integer, Long> distribution(List<DifferentiationAnalysis.OperatorResult> results) {
        Map<Integer, Long> m = new LinkedHashMap<>();
        for (int g = 1; g <= 4; g++) {
            int group = g;
            m.put(g, results.stream().filter(r -> r.totalGroup() != null && r.totalGroup() == group).count());
        }
        return m;
    }
}
