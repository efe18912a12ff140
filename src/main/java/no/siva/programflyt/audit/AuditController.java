package no.siva.programflyt.audit;

import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.CaseDirectory;
import no.siva.programflyt.shared.Csv;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
public class AuditController {

    private final AuditService audit;
    private final CaseDirectory cases;

    public AuditController(AuditService audit, CaseDirectory cases) {
        this.audit = audit;
        this.cases = cases;
    }

    /** The whole trail (Siva and administrators only, see SecurityConfig). */
    @GetMapping("/audit/export.csv")
    public ResponseEntity<byte[]> exportAll() {
        return Csv.download("revisjonslogg.csv", AuditCsv.write(audit.all()));
    }

    /** One case's trail, for whoever may see the case. */
    @GetMapping("/cases/{caseType}/{caseId}/audit.csv")
    public ResponseEntity<byte[]> exportCase(@AuthenticationPrincipal CurrentUser user, @PathVariable String caseType,
                                             @PathVariable long caseId) {
        cases.requireVisible(user, caseType, caseId);
        return Csv.download("revisjonslogg-" + caseType.toLowerCase() + "-" + caseId + ".csv",
                AuditCsv.write(audit.forCase(caseType, caseId)));
    }
}
