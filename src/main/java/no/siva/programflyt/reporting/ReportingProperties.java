package no.siva.programflyt.reporting;

import java.time.MonthDay;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reporting calendar's configuration: reminders before each deadline, escalation after it, and deadlines that
 * differ from the guide's (by obligation code, as "--MM-dd"); from {@code lookAheadFrom} (1 December) the coming year's
 * deadlines are shown and in the calendar feed before its calendar starts on 1 January.
 */
@ConfigurationProperties("programflyt.reporting")
record ReportingProperties(Period firstReminder, Period secondReminder, Period escalationAfter,
                           Map<Obligation, MonthDay> deadlines, MonthDay lookAheadFrom) {

    public ReportingProperties {
        lookAheadFrom = lookAheadFrom == null ? MonthDay.of(12, 1) : lookAheadFrom;
        firstReminder = firstReminder == null ? Period.ofDays(14) : firstReminder;
        secondReminder = secondReminder == null ? Period.ofDays(3) : secondReminder;
        escalationAfter = escalationAfter == null ? Period.ofDays(1) : escalationAfter;
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
    }

    public MonthDay deadline(Obligation o) {
        return deadlines.getOrDefault(o, o.defaultDeadline());
    }
}
