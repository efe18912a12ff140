package no.siva.programflyt.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link OutboxInserts} in SQL, part of {@link OutboxRepository} (Spring Data's custom fragment). */
class OutboxInsertsImpl implements OutboxInserts {

    private final JdbcClient jdbc;

    OutboxInsertsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertOnce(String dedupKey, String recipient, String subject, String bodyHtml, String caseType,
                              Long caseId, Long attachmentDocumentId, Instant at) {
        Timestamp now = Timestamp.from(at);
        return jdbc.sql("""
                insert into outbox_message (dedup_key, recipient, subject, body_html, status, case_type, case_id,
                                            attachment_document_id, created_at, next_attempt_at)
                values (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing""")
                .params(dedupKey, recipient, subject, bodyHtml, caseType, caseId, attachmentDocumentId, now, now).update() == 1;
    }
}
