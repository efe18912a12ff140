/**
 * The app's own task list over job-based user tasks (decision 0001): the user task worker projects each task into
 * our table, the inbox and task pages render its form, and completion is saved before the engine is told (decision
 * 0002).
 */
@ApplicationModule(displayName = "Task list (oppgaver)")
package no.siva.programflyt.tasks;

import org.springframework.modulith.ApplicationModule;
