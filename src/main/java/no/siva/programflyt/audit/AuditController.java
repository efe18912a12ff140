package no.siva.programflyt.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.People;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.shared.Csv;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail: a page with filters and its CSV (project leaders and administrators), and each case's CSV. */
@Controller
class AuditController {

    private static final List<String> CASE_TYPES = List.of("ADMISSION", "FOLLOW_UP", "DIFFERENTIATION", "DIFFERENTIATION_COUNTY",
            "TARGET_COMPANY", "REPORTING", "EVALUATION");

    private final AuditService audit;
    private final CaseDirectory cases;
    private final AuditCsv csv;
    private final People people;

    public AuditController(AuditService audit, CaseDirectory cases, AuditCsv csv, People people) {
        this.audit = audit;
        this.cases = cases;
        this.csv = csv;
        this.people = people;
    }

    @GetMapping("/audit")
    public String page(AuditQuery query, BindingResult binding, @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, String> errors = AuditQuery.errors(query, binding);
        AuditFilter filter = query.filter(errors);
        var result = audit.search(filter, page);
        model.addAttribute("filter", filter);
        model.addAttribute("fromInput", AuditQuery.typed(binding, "from", query.from()));
        model.addAttribute("toInput", AuditQuery.typed(binding, "to", query.to()));
        model.addAttribute("errors", errors);
        model.addAttribute("events", result.getContent());
        model.addAttribute("page", result);
        model.addAttribute("actions", audit.actions());
        model.addAttribute("caseTypes", CASE_TYPES);
        model.addAttribute("actors", audit.actors().stream().map(u -> Map.entry(u, people.name(u)))
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(String::toLowerCase))).toList());
        return "audit/list";
    }

    /** The trail as the filters select it (all of it without filters). */
    @GetMapping("/audit/export.csv")
    public ResponseEntity<byte[]> exportAll(AuditQuery query, BindingResult binding) {
        AuditFilter filter = query.filter(AuditQuery.dateErrors(binding));
        return Csv.download("revisjonslogg.csv", csv.write(audit.searchAll(filter)));
    }

    /** One case's trail, for whoever may see the case. */
    @GetMapping("/cases/{caseType}/{caseId}/audit.csv")
    public ResponseEntity<byte[]> exportCase(@AuthenticationPrincipal CurrentUser user, @PathVariable String caseType,
                                             @PathVariable long caseId) {
        cases.requireVisible(user, caseType, caseId);
        return Csv.download("revisjonslogg-" + caseType.toLowerCase() + "-" + caseId + ".csv",
                csv.write(audit.forCase(caseType, caseId)));
    }
}
