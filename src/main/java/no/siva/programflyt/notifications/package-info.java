/**
 * E-mail through the outbox: a message is written in the transaction that decides it, keyed so that a step run twice
 * sends once, and sent afterwards with retries.
 */
@ApplicationModule(displayName = "E-mail (varsler)")
package no.siva.programflyt.notifications;

import org.springframework.modulith.ApplicationModule;
