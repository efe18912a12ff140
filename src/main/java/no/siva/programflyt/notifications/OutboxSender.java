package no.siva.programflyt.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox messages. Rows are locked with {@code FOR UPDATE SKIP LOCKED}, so any number of app instances
 * can run it at once and each message goes out once.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository outbox;
    private final MailTransport transport;
    private final TransactionTemplate tx;
    private final String from;
    private final int maxAttempts;
    private final Duration backoff;

    private final Clock clock;

    public OutboxSender(Clock clock, OutboxRepository outbox, MailTransport transport, TransactionTemplate tx,
                        @Value("${programflyt.mail.from}") String from,
                        @Value("${programflyt.mail.max-attempts:8}") int maxAttempts,
                        @Value("${programflyt.mail.retry-backoff:PT1M}") Duration backoff) {
        this.clock = clock;
        this.outbox = outbox;
        this.transport = transport;
        this.tx = tx;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** Sends one batch; returns how many went out. */
    public int sendDueBatch() {
        Integer sent = tx.execute(status -> {
            List<OutboxMessage> batch = outbox.lockDueBatch(clock.instant(), 50);
            int ok = 0;
            for (OutboxMessage m : batch) {
                try {
                    transport.send(from, m);
                    m.markSent(clock.instant());
                    ok++;
                } catch (Exception e) {
                    log.warn("E-mail {} to {} failed: {}", m.getId(), m.getRecipient(), e.toString());
                    m.markFailed(e.getMessage(), maxAttempts, backoff, clock.instant());
                }
            }
            return ok;
        });
        return sent == null ? 0 : sent;
    }

    /** Sends until nothing due is left (used by tests and the scheduler). */
    public int sendAllDue() {
        int total = 0;
        int n;
        while ((n = sendDueBatch()) > 0) {
            total += n;
        }
        return total;
    }
}
