package no.siva.programflyt.audit;

import java.nio.charset.StandardCharsets;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.CaseDirectory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
        return csv("revisjonslogg.csv", AuditCsv.write(audit.all()));
    }

    /** One case's trail, for whoever may see the case. */
    @GetMapping("/cases/{caseType}/{caseId}/audit.csv")
    public ResponseEntity<byte[]> exportCase(@AuthenticationPrincipal CurrentUser user, @PathVariable String caseType,
                                             @PathVariable long caseId) {
        cases.requireVisible(user, caseType, caseId);
        return csv("revisjonslogg-" + caseType.toLowerCase() + "-" + caseId + ".csv",
                AuditCsv.write(audit.forCase(caseType, caseId)));
    }

    private static ResponseEntity<byte[]> csv(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
