package no.siva.programflyt.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stores files on cases. Uploads are limited in size and to a few office formats, checked by their content too. */
@Service
public class DocumentService {

    /** Allowed extensions and the content type each is served with. */
    static final Map<String, String> ALLOWED = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg");

    private final DocumentRepository documents;
    private final AuditService audit;
    private final long maxBytes;

    private final Clock clock;

    public DocumentService(Clock clock, DocumentRepository documents, AuditService audit,
                           @Value("${programflyt.documents.max-bytes:10485760}") long maxBytes) {
        this.clock = clock;
        this.documents = documents;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    /** Validates and stores an upload; throws {@link BusinessRuleException} with a Norwegian message key otherwise. */
    @Transactional
    public Document upload(String caseType, long caseId, String businessKey, String filename, byte[] content,
                           String username) {
        // no path, and no control, format (such as a right-to-left override) or line-separator character: the name is
        // shown in pages and goes into the download's Content-Disposition header
        String name = filename == null ? ""
                : filename.replaceAll("[\\\\/]", "_").replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").trim();
        if (content == null || content.length == 0) {
            throw new BusinessRuleException("document.error.empty");
        }
        if (content.length > maxBytes) {
            throw new BusinessRuleException("document.error.tooLarge", maxBytes / (1024 * 1024));
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!ALLOWED.containsKey(ext) || !contentMatches(ext, content)) {
            throw new BusinessRuleException("document.error.type");
        }
        if (name.length() > 200) {
            name = name.substring(0, 190) + "." + ext;
        }
        Document d = documents.save(new Document(caseType, caseId, Document.ATTACHMENT, name, ALLOWED.get(ext), content,
                sha256(content), username, clock.instant()));
        audit.record(username, "DOCUMENT_UPLOADED", caseType, caseId, businessKey, "Vedlegg lastet opp: " + name, null);
        return d;
    }

    /** A generated letter: one per case and kind (a second call returns the first). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Document storeGenerated(String caseType, long caseId, String kind, String filename, String contentType,
                                   byte[] content) {
        return documents.findByCaseTypeAndCaseIdAndKind(caseType, caseId, kind)
                .orElseGet(() -> documents.save(new Document(caseType, caseId, kind, filename, contentType, content, sha256(content),
                        AuditService.SYSTEM, clock.instant())));
    }

    /** A case's generated document of a kind ({@link #storeGenerated}), if it is stored. */
    @Transactional(readOnly = true)
    public Optional<Document> generated(String caseType, long caseId, String kind) {
        return documents.findByCaseTypeAndCaseIdAndKind(caseType, caseId, kind);
    }

    @Transactional(readOnly = true)
    public List<Document> forCase(String caseType, long caseId) {
        return documents.findByCaseTypeAndCaseIdOrderByUploadedAt(caseType, caseId);
    }

    @Transactional(readOnly = true)
    public Optional<Document> find(long id) {
        return documents.findById(id);
    }

    /** Magic numbers: a renamed executable is not a PDF. Office files are ZIP containers. */
    static boolean contentMatches(String ext, byte[] c) {
        return switch (ext) {
            case "pdf" -> startsWith(c, new byte[] {'%', 'P', 'D', 'F'});
            case "png" -> startsWith(c, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            case "jpg", "jpeg" -> startsWith(c, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "docx", "xlsx" -> startsWith(c, new byte[] {'P', 'K', 3, 4});
            default -> false;
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
