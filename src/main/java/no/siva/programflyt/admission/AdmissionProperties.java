package no.siva.programflyt.admission;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the admission process that the programme guide leaves open (see README, "Gaps").
 *
 * @param pilotFirstReminder  first reminder to the Siva case handler before the pilot project's end date
 * @param pilotSecondReminder second reminder
 * @param countyReminderAfter the county is reminded when its decision has waited this long, and again each time after
 * @param pilotDueTime        time of day (Oslo) on the end date when the pilot-project task falls due
 */
@ConfigurationProperties("programflyt.admission")
record AdmissionProperties(Period pilotFirstReminder, Period pilotSecondReminder, Period countyReminderAfter,
                           Duration pilotDueTime) {

    public AdmissionProperties {
        pilotFirstReminder = pilotFirstReminder == null ? Period.ofDays(14) : pilotFirstReminder;
        pilotSecondReminder = pilotSecondReminder == null ? Period.ofDays(3) : pilotSecondReminder;
        countyReminderAfter = countyReminderAfter == null ? Period.ofDays(14) : countyReminderAfter;
        pilotDueTime = pilotDueTime == null ? Duration.ofHours(16) : pilotDueTime;
    }
}
