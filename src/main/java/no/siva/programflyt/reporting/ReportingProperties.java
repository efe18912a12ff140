package no.siva.programflyt.reporting;

import java.time.MonthDay;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reporting calendar's configuration: reminders before each deadline, escalation after it, and deadlines that
 * differ from the guide's (by obligation code, as "--MM-dd").
 */
@ConfigurationProperties("programflyt.reporting")
public record ReportingProperties(Period firstReminder, Period secondReminder, Period escalationAfter,
                                  Map<Obligation, MonthDay> deadlines) {

    public ReportingProperties {
        firstReminder = firstReminder == null ? Period.ofDays(14) : firstReminder;
        secondReminder = secondReminder == null ? Period.ofDays(3) : secondReminder;
        escalationAfter = escalationAfter == null ? Period.ofDays(1) : escalationAfter;
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
    }

    public MonthDay deadline(Obligation o) {
        return deadlines.getOrDefault(o, o.defaultDeadline());
    }
}
