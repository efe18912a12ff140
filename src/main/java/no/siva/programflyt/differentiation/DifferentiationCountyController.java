package no.siva.programflyt.differentiation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.documents.Document;
import no.siva.programflyt.documents.DocumentController;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.registry.Labels;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Csv;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.RefusedReturnsTo;
import no.siva.programflyt.tasks.UserTaskRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One county's part of a round: its operators (result groups only for the county, never the scores, §15.3.2, and
 * only once the information basis is sent), Siva's proposal of steps, and the county's documents and basis as CSV.
 */
@Controller
class DifferentiationCountyController {

    private final DifferentiationService service;
    private final DifferentiationAnalysis analysis;
    private final GrantModelService grantModels;
    private final DocumentService documents;
    private final UserTaskRepository taskRows;
    private final Labels labels;

    DifferentiationCountyController(DifferentiationService service, DifferentiationAnalysis analysis, GrantModelService grantModels,
                                    DocumentService documents, UserTaskRepository taskRows, Labels labels) {
        this.service = service;
        this.analysis = analysis;
        this.grantModels = grantModels;
        this.documents = documents;
        this.taskRows = taskRows;
        this.labels = labels;
    }

    // ---- one county ------------------------------------------------------------------------------------------------

    @GetMapping("/differentiation/{id}/county/{code}")
    public String county(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String code,
                         Model model) {
        DiffRound r = service.get(id);
        requireCounty(user, code);
        boolean siva = DifferentiationAccess.siva(user);
        model.addAttribute("r", r);
        model.addAttribute("countyCode", code);
        model.addAttribute("countyName", labels.county(code));
        model.addAttribute("siva", siva);
        boolean visible = siva || r.basisSentToCounties();
        model.addAttribute("visible", visible);
        model.addAttribute("results", visible ? analysis.results(id, code) : List.of());
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("countyRow", service.county(id, code).orElse(null));
        model.addAttribute("sum", analysis.proposedSum(r, code));
        model.addAttribute("model", r.getGrantModelId() == null ? null : grantModels.load(r.getGrantModelId()));
        model.addAttribute("mayPropose", siva && r.getAnalysisDoneAt() != null && r.getNotifiedAt() == null
                && analysis.proposalOpen(id, code));
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
        DifferentiationAccess.requireSiva(user);
        DiffRound r = service.get(id);
        if (r.getGrantModelId() == null) {
            flash.addFlashAttribute("errorKey", "differentiation.error.frozenFirst");
            return "redirect:/differentiation/" + id + "/county/" + code;
        }
        var grant = grantModels.load(r.getGrantModelId());
        Map<Long, Integer> steps = new LinkedHashMap<>();
        Map<Long, String> errors = new LinkedHashMap<>();
        for (DifferentiationAnalysis.OperatorResult o : analysis.results(id, code)) {
            String raw = form.getFirst("step." + o.operatorId());
            Integer s = GrantModelService.stepOf(raw, grant);
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
        analysis.setProposedSteps(user, id, code, steps);
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
        DiffRound r = service.get(id);
        requireCounty(user, code);
        if (!DifferentiationAccess.siva(user) && !r.basisSentToCounties()) {
            throw new NotFoundException("basis not sent");
        }
        StringBuilder b = new StringBuilder("\uFEFFOperatør;Org.nr.");
        for (Criterion c : Criterion.values()) {
            b.append(';').append(Csv.cell(c.label()));
        }
        b.append(";Total vektet score;Økonomisk forsvarlig drift;Minimum (trinn);Potensial (trinn)\r\n");
        for (DifferentiationAnalysis.OperatorResult o : analysis.results(id, code)) {
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

    /** Siva, or an official of this county; anyone else gets 404 (never reveal another county's data). */
    private static void requireCounty(CurrentUser user, String code) {
        if (!DifferentiationAccess.siva(user) && !(user.isCountyOfficial() && user.counties().contains(code))) {
            throw new NotFoundException("county " + code);
        }
    }
}
