package no.siva.programflyt.documents;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A file on a case: an uploaded attachment or a generated letter. */
@Entity
public class Document {

    public static final String ATTACHMENT = "VEDLEGG";
    public static final String GRANT_LETTER = "TILSAGNSBREV";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseType;
    private Long caseId;
    private String kind;
    private String filename;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;
    private String uploadedBy;
    private Instant uploadedAt;

    protected Document() {}

    Document(String caseType, Long caseId, String kind, String filename, String contentType, byte[] content,
             String sha256, String uploadedBy, Instant uploadedAt) {
        this.caseType = caseType;
        this.caseId = caseId;
        this.kind = kind;
        this.filename = filename;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public String getCaseType() {
        return caseType;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getKind() {
        return kind;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
