package no.siva.programflyt.notifications;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the outbox. Off in tests, which send explicitly so that they can assert exact counts. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "programflyt.mail.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class OutboxScheduler {

    private final OutboxSender sender;

    public OutboxScheduler(OutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${programflyt.mail.poll-interval:PT5S}")
    public void poll() {
        sender.sendAllDue();
    }
}
