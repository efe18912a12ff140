/**
 * The engine's side shared by every process module: the deployed BPMN models read once (names of steps, retries),
 * the messages the code publishes (ProcessMessage, held against the models by a test) and the engine commands that
 * may be repeated safely.
 */
@ApplicationModule(displayName = "Process models (prosessmodeller)")
package no.siva.programflyt.processes;

import org.springframework.modulith.ApplicationModule;
