package no.siva.programflyt.notifications;

import java.time.Instant;

/** The outbox's insert keyed by the message's dedup key: a message queued twice (a redelivered job) is queued once. */
interface OutboxInserts {

    /** Queues the message unless one with its dedup key is there already; whether it was queued now. */
    boolean insertOnce(String dedupKey, String recipient, String subject, String bodyHtml, String caseType, Long caseId,
                       Long attachmentDocumentId, Instant at);
}
