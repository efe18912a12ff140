/**
 * The case directory: each module registers its case types (CaseProvider), so that task lists, documents, the
 * overview and the audit trail can name a case and answer the one scope rule every case page shares (Siva sees all,
 * a county its counties' cases, an operator its own).
 */
@ApplicationModule(displayName = "Cases across modules (saker)")
package no.siva.programflyt.cases;

import org.springframework.modulith.ApplicationModule;
