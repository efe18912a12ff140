package no.siva.programflyt.differentiation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.differentiation.scoring.Criterion;
import no.siva.programflyt.documents.DocumentController;
import no.siva.programflyt.documents.DocumentService;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The operator's own view: its groups, reasons, step and letter of each round, after the notification only.
 */
@Controller
class MyDifferentiationController {

    private final DifferentiationService service;
    private final DifferentiationAnalysis analysis;
    private final GrantModelService grantModels;
    private final OperatorRepository operators;
    private final DocumentService documents;

    MyDifferentiationController(DifferentiationService service, DifferentiationAnalysis analysis, GrantModelService grantModels,
                                OperatorRepository operators, DocumentService documents) {
        this.service = service;
        this.analysis = analysis;
        this.grantModels = grantModels;
        this.operators = operators;
        this.documents = documents;
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
            DifferentiationAnalysis.OperatorResult res = analysis.resultsByOperator(r.getId()).get(o.getId());
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
        DifferentiationAnalysis.OperatorResult res = analysis.resultsByOperator(id).get(user.operatorId());
        if (res == null || res.notifiedAt() == null || res.letterDocumentId() == null) {
            throw new NotFoundException("letter");
        }
        return DocumentController.asDownload(documents.find(res.letterDocumentId())
                .orElseThrow(() -> new NotFoundException("letter")));
    }
}
