package no.siva.programflyt.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.cases.CaseInfo;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload to and download from a case, for whoever may see the case. */
@Controller
public class DocumentController {

    private final DocumentService documents;
    private final CaseDirectory cases;

    public DocumentController(DocumentService documents, CaseDirectory cases) {
        this.documents = documents;
        this.cases = cases;
    }

    @PostMapping("/cases/{caseType}/{caseId}/documents")
    public String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable String caseType,
                         @PathVariable long caseId, @RequestParam("file") MultipartFile file, RedirectAttributes flash)
            throws IOException {
        CaseInfo info = cases.requireVisible(user, caseType, caseId);
        try {
            documents.upload(caseType, caseId, info.businessKey(), file.getOriginalFilename(), file.getBytes(), user.username());
            flash.addFlashAttribute("successKey", "document.uploaded");
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("errorKey", e.messageKey());
            flash.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:" + info.url() + "#dokumenter";
    }

    @GetMapping("/documents/{id}")
    public ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Document d = documents.find(id).orElseThrow(() -> new NotFoundException("document " + id));
        cases.requireVisible(user, d.getCaseType(), d.getCaseId());
        return asDownload(d);
    }

    /** A stored document as a download (for pages that check access their own way, e.g. by county or operator). */
    public static ResponseEntity<byte[]> asDownload(Document d) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.getFilename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.getContent());
    }
}
