package no.siva.programflyt.notifications;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** An e-mail waiting in, or sent from, the outbox. {@code dedupKey} makes each business notification unique. */
@Entity
public class OutboxMessage {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String dedupKey;
    private String recipient;
    private String subject;
    private String bodyHtml;
    private String status;
    private int attempts;
    private String lastError;
    private String caseType;
    private Long caseId;
    private Long attachmentDocumentId;
    private Instant createdAt;
    private Instant nextAttemptAt;
    private Instant sentAt;

    protected OutboxMessage() {}

    /** A part of an e-mail that only its recipient may see (an invitation's link): kept until sent, then blanked. */
    public static final Pattern SECRET = Pattern.compile("(?s)<!--secret-->.*?<!--/secret-->");

    void markSent(Instant at) {
        bodyHtml = SECRET.matcher(bodyHtml).replaceAll("<em>[personlig lenke: vises ikke etter sending]</em>");
        status = SENT;
        attempts++;
        sentAt = at;
        lastError = null;
    }

    /** Retries with a doubling pause; after {@code maxAttempts} the message stays FAILED for a person to look at. */
    void markFailed(String error, int maxAttempts, Duration baseBackoff, Instant at) {
        attempts++;
        lastError = error == null ? "ukjent feil" : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= maxAttempts) {
            status = FAILED;
        } else {
            nextAttemptAt = at.plus(baseBackoff.multipliedBy(1L << Math.min(attempts - 1, 10)));
        }
    }

    public Long getId() {
        return id;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public String getCaseType() {
        return caseType;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Long getAttachmentDocumentId() {
        return attachmentDocumentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
