package no.siva.programflyt.tasks;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends again the task completions the engine never answered. Off in tests, which call it when they need it. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "programflyt.tasks.resend-enabled", havingValue = "true", matchIfMissing = true)
class JobCompletionResender {

    private final JobCompletions completions;

    JobCompletionResender(JobCompletions completions) {
        this.completions = completions;
    }

    @Scheduled(fixedDelayString = "${programflyt.tasks.resend-interval:PT30S}")
    void resend() {
        completions.resendUnanswered();
    }
}
