package no.siva.programflyt.differentiation;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.differentiation.scoring.Development;
import no.siva.programflyt.differentiation.scoring.Indicator;
import no.siva.programflyt.differentiation.scoring.IndicatorCatalogue;
import no.siva.programflyt.differentiation.scoring.Method;
import no.siva.programflyt.differentiation.scoring.ScoringEngine;
import no.siva.programflyt.differentiation.scoring.ThreeYears;
import no.siva.programflyt.differentiation.scoring.Unit;
import no.siva.programflyt.documents.Document;
import no.siva.programflyt.documents.DocumentController;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.registry.GrantSteps;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.shared.Amounts;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Csv;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.RefusedReturnsTo;
import no.siva.programflyt.tasks.CaseDiagram;
import no.siva.programflyt.tasks.UserTask;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The differentiation pages. Siva sees everything, scores included; a county official sees her own county's
 * operators with result groups only (never the scores, §15.3.2), once the information basis is sent; operator staff
 * see their own groups and the reasons after the notification only.
 */
@Controller
class DifferentiationController {

    private final DifferentiationService service;
    private final GrantModelService grantModels;
    private final IndicatorImport imports;
    private final OperatorRepository operators;
    private final DocumentService documents;
    private final UserTaskRepository taskRows;
    private final Labels labels;

    private final Clock clock;
    private final GrantSteps grantSteps;
    private final TransactionTemplate tx;
    private final MethodService methods;

    public DifferentiationController(Clock clock, DifferentiationService service, GrantModelService grantModels,
                                     IndicatorImport imports, OperatorRepository operators, DocumentService documents,
                                     UserTaskRepository taskRows, Labels labels,
                                     GrantSteps grantSteps,
                                     TransactionTemplate tx, MethodService methods) {
        this.clock = clock;
        this.grantSteps = grantSteps;
        this.tx = tx;
        this.methods = methods;
        this.service = service;
        this.grantModels = grantModels;
        this.imports = imports;
        this.operators = operators;
        this.documents = documents;
        this.taskRows = taskRows;
        this.labels = labels;
    }

    // ---- rounds ----------------------------------------------------------------------------------------------------

    @GetMapping("/differentiation")
    public String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.isOperatorUser() && !siva(user)) {
            return "redirect:/differentiation/mine";
        }
        if (!siva(user) && !user.isCountyOfficial()) {
            throw new AccessDeniedException("no differentiation pages");
        }
        model.addAttribute("rounds", service.rounds());
        model.addAttribute("mayStart", user.has(Role.SIVA_PROSJEKTLEDER));
        int thisYear = LocalDate.now(clock).getYear();
        model.addAttribute("nextYear", service.byYear(thisYear).isPresent() ? thisYear + 1 : thisYear);
        model.addAttribute("siva", siva(user));
        model.addAttribute("myCounties", user.counties());
        return "differentiation/list";
    }

    @PostMapping("/differentiation/start")
    @RefusedReturnsTo("/differentiation")
    public String start(@AuthenticationPrincipal CurrentUser user, @RequestParam String year, RedirectAttributes flash) {
        int y;
        try {
            y = Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("errorKey", "differentiation.error.yearFormat");
            return "redirect:/differentiation";
        }
        DiffRound r = service.startManually(user, y);
        flash.addFlashAttribute("successKey", "differentiation.started");
        flash.addFlashAttribute("successArgs", new Object[] {String.valueOf(y)});
        return "redirect:/differentiation/" + r.getId();
    }

    @GetMapping("/differentiation/{id}")
    public String round(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        DiffRound r = service.find(id).orElseThrow(() -> new NotFoundException("round " + id));
        if (!siva(user)) {
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
        List<DifferentiationService.OperatorResult> results = service.results(id);
        model.addAttribute("results", results);
        List<ScoringEngine.Result> live = frozen ? List.of() : service.liveScores(id);
        model.addAttribute("live", live);
        if (!r.isDifferentiation()) {
            model.addAttribute("limitedCases", service.limitedCases(r.getYear()));
        }
        model.addAttribute("years", DifferentiationService.reportYears(r));
        model.addAttribute("placed", service.resultsByOperator(id));
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("distribution", distribution(results));
        Map<String, BigDecimal> sums = new HashMap<>();
        counties.forEach(c -> sums.put(c.countyCode(), service.proposedSum(r, c.countyCode())));
        model.addAttribute("sums", sums);
        model.addAttribute("model", r.getGrantModelId() == null ? grantModels.latest(r.getYear() + 1).orElse(null)
                : grantModels.load(r.getGrantModelId()));
        model.addAttribute("mayLead", user.has(Role.SIVA_PROSJEKTLEDER));
        var tasks = taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(DifferentiationService.CASE_TYPE, id);
        model.addAttribute("tasks", tasks);
        // what to do next: the open task due first, and the round's status in words
        model.addAttribute("nextTask", tasks.stream().filter(UserTask::isOpen)
                .filter(t -> t.getDueAt() != null).min(Comparator.comparing(UserTask::getDueAt))
                .or(() -> tasks.stream().filter(UserTask::isOpen).findFirst()).orElse(null));
        model.addAttribute("problems", frozen || r.getStatus() != RoundStatus.ANALYSIS ? List.of() : service.analysisProblems(id, live));
        model.addAttribute("diagram", CaseDiagram.of(DifferentiationService.PROCESS_ID, tasks));
        model.addAttribute("documents", documents.forCase(DifferentiationService.CASE_TYPE, id).stream()
                .filter(d -> !d.getKind().startsWith("VARSEL-")).toList());
        return "differentiation/round";
    }

    @PostMapping("/differentiation/{id}/import")
    public String importValues(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @RequestParam("file") MultipartFile file, Model model, RedirectAttributes flash)
            throws IOException {
        requireSiva(user);
        DiffRound r = service.find(id).orElseThrow(() -> new NotFoundException("round " + id));
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
                              @RequestParam(required = false) String date, RedirectAttributes flash) {
        requireSiva(user);
        LocalDate on;
        try {
            on = LocalDate.parse(date == null ? "" : date.trim());
        } catch (DateTimeParseException e) {
            flash.addFlashAttribute("budgetError", "differentiation.error.date");
            return "redirect:/differentiation/" + id + "#budget-date";
        }
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
        requireSiva(user);
        DiffRound r = service.find(id).orElseThrow(() -> new NotFoundException("round " + id));
        Operator o = operators.findById(operatorId).orElseThrow(() -> new NotFoundException("operator " + operatorId));
        ScoringEngine.Result live = service.liveScores(id).stream().filter(s -> s.operatorId() == operatorId).findFirst()
                .orElseThrow(() -> new NotFoundException("operator " + operatorId));
        DifferentiationService.Inputs inputs = service.inputs(id);
        Method method = service.method(r);
        boolean frozen = r.getAnalysisDoneAt() != null;
        model.addAttribute("r", r);
        model.addAttribute("operator", o);
        model.addAttribute("score", live);
        model.addAttribute("frozen", frozen);
        DifferentiationService.OperatorResult result = service.resultsByOperator(id).get(operatorId);
        model.addAttribute("result", result);
        model.addAttribute("reasonLines", lines(result == null ? null : result.reasons()));
        model.addAttribute("criteria", Criterion.values());
        Map<Criterion, List<ScoringEngine.IndicatorScore>> byCriterion = new EnumMap<>(Criterion.class);
        live.indicators().forEach(s -> byCriterion.computeIfAbsent(s.indicator().criterion(), c -> new ArrayList<>()).add(s));
        model.addAttribute("byCriterion", byCriterion);
        model.addAttribute("years", DifferentiationService.reportYears(r));
        model.addAttribute("inputs", inputs.of(operatorId));
        Map<String, ThreeYears.Change> changes = service.changes(r, method, inputs, operatorId);
        model.addAttribute("changes", changes);
        model.addAttribute("soundness", IndicatorCatalogue.SOUNDNESS);
        List<String> warnings = frozen && result != null ? lines(result.soundness()) : service.soundness(r, method, inputs, operatorId);
        model.addAttribute("soundnessWarnings", warnings);
        model.addAttribute("developmentLines", frozen && result != null ? lines(result.development())
                : lines(Reasons.development(Development.of(method.indicators(), changes,
                        method.thresholds().declineTolerancePercent()), new Formats())));
        model.addAttribute("thresholds", method.thresholds());
        model.addAttribute("notRanked", live.complete() ? null : DifferentiationService.notRankedReason(live));
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
        requireSiva(user);
        DiffRound r = service.find(id).orElseThrow(() -> new NotFoundException("round " + id));
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
        tx.executeWithoutResult(st -> values.forEach((year, v) -> service.setValues(user, id, operatorId, year, v, "SIVA")));
        flash.addFlashAttribute("successKey", "differentiation.valuesSaved");
        return "redirect:/differentiation/" + id + "/operator/" + operatorId;
    }

    @PostMapping("/differentiation/{id}/operator/{operatorId}/placement")
    @RefusedReturnsTo("/differentiation/{id}/operator/{operatorId}#placement")
    public String placement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long operatorId,
                            @RequestParam(required = false) String minimum, @RequestParam(required = false) String potential,
                            RedirectAttributes flash) {
        requireSiva(user);
        DiffRound r = service.find(id).orElseThrow(() -> new NotFoundException("round " + id));
        var model = grantModels.latest(r.getYear() + 1).orElse(null);
        Integer min = step(minimum, model);
        Integer pot = step(potential, model);
        String back = "redirect:/differentiation/" + id + "/operator/" + operatorId + "#placement";
        if (min == null || pot == null) {
            flash.addFlashAttribute("errorKey", "differentiation.error.step");
            flash.addFlashAttribute("errorArgs", new Object[] {model == null ? 0 : model.steps().size()});
            return back;
        }
        service.setMinimumAndPotential(user, id, operatorId, min, pot);
        flash.addFlashAttribute("successKey", "differentiation.placementSaved");
        return back;
    }

    // ---- one county ------------------------------------------------------------------------------------------------

    @GetMapping("/differentiation/{id}/county/{code}")
    public String county(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String code,
                         Model model) {
        DiffRound r = service.find(id).orElseThrow(() -> new NotFoundException("round " + id));
        requireCounty(user, code);
        boolean siva = siva(user);
        model.addAttribute("r", r);
        model.addAttribute("countyCode", code);
        model.addAttribute("countyName", labels.county(code));
        model.addAttribute("siva", siva);
        boolean visible = siva || r.basisSentToCounties();
        model.addAttribute("visible", visible);
        model.addAttribute("results", visible ? service.results(id, code) : List.of());
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("countyRow", service.county(id, code).orElse(null));
        model.addAttribute("sum", service.proposedSum(r, code));
        model.addAttribute("model", r.getGrantModelId() == null ? null : grantModels.load(r.getGrantModelId()));
        model.addAttribute("mayPropose", siva && r.getAnalysisDoneAt() != null && r.getNotifiedAt() == null
                && service.proposalOpen(id, code));
        // the county sees Siva's steps once the proposal is sent to it (drafts are Siva's)
        model.addAttribute("showSteps", siva || service.county(id, code).map(c -> c.proposalSentAt() != null).orElse(false));
        model.addAttribute("countyTasks", taskRows.findByCaseTypeAndCaseIdOrderByCreatedAtAsc(DifferentiationService.CASE_TYPE, id)
                .stream().filter(t -> code.equals(t.getCountyCode())).toList());
        model.addAttribute("documents", documents.forCase(DifferentiationService.CASE_TYPE, id).stream()
                .filter(d -> countyKind(d.getKind(), code))
                .toList());
        return "differentiation/county";
    }

    @PostMapping("/differentiation/{id}/county/{code}/proposal")
    @RefusedReturnsTo("/differentiation/{id}/county/{code}")
    public String proposal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String code,
                           @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash) {
        requireSiva(user);
        DiffRound r = service.find(id).orElseThrow(() -> new NotFoundException("round " + id));
        if (r.getGrantModelId() == null) {
            flash.addFlashAttribute("errorKey", "differentiation.error.frozenFirst");
            return "redirect:/differentiation/" + id + "/county/" + code;
        }
        var grant = grantModels.load(r.getGrantModelId());
        Map<Long, Integer> steps = new LinkedHashMap<>();
        Map<Long, String> errors = new LinkedHashMap<>();
        for (DifferentiationService.OperatorResult o : service.results(id, code)) {
            String raw = form.getFirst("step." + o.operatorId());
            Integer s = step(raw, grant);
            if (s == null && raw != null && !raw.isBlank()) {
                errors.put(o.operatorId(), raw);
            } else {
                steps.put(o.operatorId(), s);
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("stepErrors", errors);
            return county(user, id, code, model);
        }
        service.setProposedSteps(user, id, code, steps);
        flash.addFlashAttribute("successKey", "differentiation.proposalSaved");
        return "redirect:/differentiation/" + id + "/county/" + code;
    }

    /** The county's own documents (its information basis and proposals), for Siva and that county's officials. */
    @GetMapping("/differentiation/{id}/county/{code}/documents/{documentId}")
    public ResponseEntity<byte[]> countyDocument(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                                 @PathVariable String code, @PathVariable long documentId) {
        requireCounty(user, code);
        Document d = documents.find(documentId).filter(doc -> DifferentiationService.CASE_TYPE.equals(doc.getCaseType())
                && doc.getCaseId() == id && countyKind(doc.getKind(), code))
                .orElseThrow(() -> new NotFoundException("document " + documentId));
        return DocumentController.asDownload(d);
    }

    private static boolean countyKind(String kind, String code) {
        return kind.equals("INFORMASJONSGRUNNLAG-" + code) || kind.startsWith("FORSLAG-" + code + "-");
    }

    /** The information basis as CSV: result groups and minimum/potential, no exact scores (§15.3.2). */
    @GetMapping("/differentiation/{id}/county/{code}/basis.csv")
    public ResponseEntity<byte[]> basisCsv(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                           @PathVariable String code) {
        DiffRound r = service.find(id).orElseThrow(() -> new NotFoundException("round " + id));
        requireCounty(user, code);
        if (!siva(user) && !r.basisSentToCounties()) {
            throw new NotFoundException("basis not sent");
        }
        StringBuilder b = new StringBuilder("\uFEFFOperatør;Org.nr.");
        for (Criterion c : Criterion.values()) {
            b.append(';').append(Csv.cell(c.label()));
        }
        b.append(";Total vektet score;Økonomisk forsvarlig drift;Minimum (trinn);Potensial (trinn)\r\n");
        for (DifferentiationService.OperatorResult o : service.results(id, code)) {
            b.append(Csv.cell(o.name())).append(';').append(o.orgNumber());
            for (Criterion c : Criterion.values()) {
                b.append(';').append(o.groups().get(c) == null ? "" : o.groups().get(c));
            }
            b.append(';').append(o.totalGroup() == null ? "" : o.totalGroup())
                    .append(';').append(o.soundnessWarning() ? "Varsel" : "")
                    .append(';').append(o.minimumStep() == null ? "" : o.minimumStep())
                    .append(';').append(o.potentialStep() == null ? "" : o.potentialStep()).append("\r\n");
        }
        return Csv.download("informasjonsgrunnlag-" + r.getYear() + "-" + code + ".csv", b.toString());
    }

    // ---- the operator's own view ----------------------------------------------------------------------------------

    @GetMapping("/differentiation/mine")
    public String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!user.isOperatorUser()) {
            return "redirect:/differentiation";
        }
        Operator o = operators.findById(user.operatorId()).orElseThrow();
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (DiffRound r : service.rounds()) {
            if (!r.isDifferentiation()) {
                continue;
            }
            DifferentiationService.OperatorResult res = service.resultsByOperator(r.getId()).get(o.getId());
            Map<String, Object> m = new HashMap<>();
            m.put("round", r);
            boolean notified = res != null && res.notifiedAt() != null;
            m.put("notified", notified);
            m.put("result", notified ? res : null);
            m.put("reasons", notified && res.reasons() != null ? List.of(res.reasons().split("\n")) : List.of());
            m.put("amount",
                    notified && r.getGrantModelId() != null ? grantModels.load(r.getGrantModelId()).amount(res.proposedStep()) : null);
            rounds.add(m);
        }
        model.addAttribute("operator", o);
        model.addAttribute("rounds", rounds);
        model.addAttribute("criteria", Criterion.values());
        return "differentiation/mine";
    }

    @GetMapping("/differentiation/mine/{id}/letter")
    public ResponseEntity<byte[]> myLetter(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        if (!user.isOperatorUser()) {
            throw new NotFoundException("letter");
        }
        DifferentiationService.OperatorResult res = service.resultsByOperator(id).get(user.operatorId());
        if (res == null || res.notifiedAt() == null || res.letterDocumentId() == null) {
            throw new NotFoundException("letter");
        }
        return DocumentController.asDownload(documents.find(res.letterDocumentId())
                .orElseThrow(() -> new NotFoundException("letter")));
    }

    // ---- the grant model -------------------------------------------------------------------------------------------

    // ---- the method the project leader owns -------------------------------------------------------------------

    @GetMapping("/differentiation/method")
    public String method(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireSiva(user);
        Method m = methods.current();
        model.addAttribute("method", m);
        model.addAttribute("version", methods.currentVersion().orElse(null));
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("mayChange", user.has(Role.SIVA_PROSJEKTLEDER));
        Map<Criterion, String> weights = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            weights.put(c, new Formats().decimal(m.weights().weight(c).multiply(BigDecimal.valueOf(100))));
        }
        if (!model.containsAttribute("weightInput")) {
            model.addAttribute("weightInput", weights);
        }
        return "differentiation/method";
    }

    @PostMapping("/differentiation/method")
    public String saveMethod(@AuthenticationPrincipal CurrentUser user, @RequestParam MultiValueMap<String, String> form,
                             Model model, RedirectAttributes flash) {
        requireSiva(user);
        Map<String, String> bandings = new LinkedHashMap<>();
        methods.current().indicators().forEach(i -> bandings.put(i.code(), form.getFirst("b." + i.code())));
        Map<Criterion, String> weights = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            weights.put(c, form.getFirst("w." + c.name()));
        }
        Map<String, String> errors = methods.save(user, bandings, weights, form.getFirst("note"));
        if (!errors.isEmpty()) {
            model.addAttribute("methodErrors", errors);
            model.addAttribute("bandingInput", bandings);
            model.addAttribute("weightInput", weights);
            return method(user, model);
        }
        flash.addFlashAttribute("successKey", "differentiation.method.saved");
        return "redirect:/differentiation/method";
    }

    @GetMapping("/differentiation/grant-model")
    public String grantModel(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String from,
                             Model model) {
        requireSiva(user);
        int first = defaultPeriod();
        try {
            first = from == null || from.isBlank() ? first : Integer.parseInt(from.trim());
        } catch (NumberFormatException e) {
            model.addAttribute("errorKey", "differentiation.error.period");
        }
        return grantModel(user, first, model);
    }

    private String grantModel(CurrentUser user, int first, Model model) {
        model.addAttribute("from", first);
        model.addAttribute("versions", grantModels.versions(first));
        model.addAttribute("mayEdit", user.has(Role.SIVA_PROSJEKTLEDER));
        return "differentiation/grant-model";
    }

    @PostMapping("/differentiation/grant-model")
    public String newGrantModel(@AuthenticationPrincipal CurrentUser user, @RequestParam String from,
                                @RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) String note,
                                Model model, RedirectAttributes flash) {
        if (!user.has(Role.SIVA_PROSJEKTLEDER)) {
            throw new AccessDeniedException("project leaders change the grant model");
        }
        SortedMap<Integer, BigDecimal> steps = new TreeMap<>();
        Map<Integer, String> errors = new LinkedHashMap<>();
        for (int i = 1; i <= 20; i++) {
            String raw = form.getFirst("amount." + i);
            if (raw == null || raw.isBlank()) {
                continue;
            }
            BigDecimal v = Amounts.parse(raw).filter(a -> a.signum() > 0).orElse(null);
            if (v == null) {
                errors.put(i, raw);
            } else {
                steps.put(i, v);
            }
        }
        int first;
        try {
            first = Integer.parseInt(from.trim());
        } catch (NumberFormatException e) {
            first = -1;
        }
        if (first < 2023 || first > 2040) {
            flash.addFlashAttribute("errorKey", "differentiation.error.period");
            return "redirect:/differentiation/grant-model";
        }
        if (errors.isEmpty()) {
            try {
                grantModels.newVersion(first, steps, note, user.username());
                flash.addFlashAttribute("successKey", "differentiation.grantModelSaved");
                return "redirect:/differentiation/grant-model?from=" + first;
            } catch (BusinessRuleException e) {
                model.addAttribute("stepsError", e.messageKey());
            }
        }
        model.addAttribute("amountErrors", errors);
        model.addAttribute("entered", form);
        return grantModel(user, first, model);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private int defaultPeriod() {
        int y = LocalDate.now(clock).getYear() + 1;
        return y % 2 == 1 ? y : y - 1;
    }

    private static Integer step(String raw, GrantModelService.GrantModel model) {
        if (raw == null || raw.isBlank() || model == null) {
            return null;
        }
        try {
            int s = Integer.parseInt(raw.trim());
            return model.steps().containsKey(s) ? s : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Map<Integer, Long> distribution(List<DifferentiationService.OperatorResult> results) {
        Map<Integer, Long> m = new LinkedHashMap<>();
        for (int g = 1; g <= 4; g++) {
            int group = g;
            m.put(g, results.stream().filter(r -> r.totalGroup() != null && r.totalGroup() == group).count());
        }
        return m;
    }

    private static boolean siva(CurrentUser user) {
        return user.hasNationalScope();
    }

    private static void requireSiva(CurrentUser user) {
        if (!siva(user)) {
            throw new AccessDeniedException("Siva only");
        }
    }

    /** Siva, or an official of this county; anyone else gets 404 (never reveal another county's data). */
    private static void requireCounty(CurrentUser user, String code) {
        if (!siva(user) && !(user.isCountyOfficial() && user.counties().contains(code))) {
            throw new NotFoundException("county " + code);
        }
    }
}
