package no.siva.programflyt.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** "Due soon" by the calendar, as the reminders count days: the day the three-days-left reminder goes out. */
class DueSoonTest {

    private static Instant oslo(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(Formats.OSLO).toInstant();
    }

    @Test
    void threeDaysAheadByDate_notBy72Hours() {
        var limit = DueSoon.limit(oslo(2027, 11, 28, 8, 0), Duration.ofDays(3));
        assertThat(limit).isEqualTo(oslo(2027, 12, 2, 0, 0));
        assertThat(oslo(2027, 12, 1, 23, 59)).isBefore(limit);           // due 1 December: soon on 28 November
        assertThat(oslo(2027, 12, 2, 23, 59)).isAfter(limit);            // due 2 December: not yet
    }

    @Test
    void acrossTheChangeToWinterTimeAndTheLeapDay() {
        assertThat(DueSoon.limit(oslo(2027, 10, 29, 12, 0), Duration.ofDays(3))).isEqualTo(oslo(2027, 11, 2, 0, 0));
        assertThat(DueSoon.limit(oslo(2028, 2, 27, 23, 30), Duration.ofDays(3))).isEqualTo(oslo(2028, 3, 2, 0, 0));
    }
}
