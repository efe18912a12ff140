/**
 * The audit trail: every completed task, decision and system step as one line per event, searchable by case, person
 * and period and exported as CSV. Other modules record through AuditService.
 */
@ApplicationModule(displayName = "Audit trail (logg)")
package no.siva.programflyt.audit;

import org.springframework.modulith.ApplicationModule;
