package no.siva.programflyt.shared;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The programme's own dates: «Næringshageprogrammet 2023–2032». Cooperation periods, extensions, target-company
 * agreements, reporting years, differentiation rounds and yearly timers never run past {@link #end()} (configurable:
 * {@code programflyt.programme.end}, README "Gaps"); {@link #midTermEvaluation()} is the year of the mid-term
 * evaluation (2027).
 */
@ConfigurationProperties("programflyt.programme")
public record ProgrammePeriod(LocalDate start, LocalDate end, Integer midTermEvaluation) {

    public ProgrammePeriod {
        start = start == null ? LocalDate.of(2023, 1, 1) : start;
        end = end == null ? LocalDate.of(2032, 12, 31) : end;
        midTermEvaluation = midTermEvaluation == null ? 2027 : midTermEvaluation;
    }

    /** The defaults, for tests and pure code. */
    public static ProgrammePeriod standard() {
        return new ProgrammePeriod(null, null, null);
    }

    /** True when {@code date} is within the programme. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** True when a year starting on {@code date} (a reporting year, a round, a yearly timer) may start. */
    public boolean mayStart(LocalDate date) {
        return !date.isAfter(end);
    }
}
