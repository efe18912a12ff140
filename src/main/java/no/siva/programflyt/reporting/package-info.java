/**
 * The operators' yearly reporting calendar: an obligation per deadline with automatic reminders before it,
 * submission, Siva's check, calendar feeds (iCalendar) and the stop of an operator's calendar when it leaves the
 * programme.
 */
@ApplicationModule(displayName = "Reporting calendar (rapportering)")
package no.siva.programflyt.reporting;

import org.springframework.modulith.ApplicationModule;
