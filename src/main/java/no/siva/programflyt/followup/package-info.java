/**
 * The extraordinary follow-up of an operator that under-delivers (guide §6.6, §7.1): triggers from other modules
 * (FollowUpTriggers, a BPMN message), the 3–6 months' follow-up, the conclusion to continue with measures and a
 * limited analysis, or to terminate with the county's consultation; the termination's steps are in the model.
 */
@ApplicationModule(displayName = "Extraordinary follow-up (ekstraordinær oppfølging)")
package no.siva.programflyt.followup;

import org.springframework.modulith.ApplicationModule;
