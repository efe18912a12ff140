package no.siva.programflyt.shared;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The application's one clock: every "now" and "today" in code and SQL comes from this {@link Clock} (in Europe/Oslo),
 * never from {@code Instant.now()}, {@code LocalDate.now()} or the database's {@code now()}; {@code WallClockTest}
 * holds the code to that. In production it is the system clock, the same wall clock the Zeebe cluster's timers run
 * on. The development run and the tests replace it with the in-memory engine's own clock (the dev runtime's
 * {@code EngineClock}), so that moving the engine's clock moves the application's, and timers, reminders, due dates,
 * "overdue" badges and letters' dates all tell the same time.
 */
@AutoConfiguration(before = ValidationAutoConfiguration.class)
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.system(Formats.OSLO);
    }

    /** Bean Validation's {@code @PastOrPresent} and {@code @Future} ask the same clock (its default is the system's). */
    @Bean
    ValidationConfigurationCustomizer validationUsesTheApplicationsClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
