/**
 * Access administration: Siva's administrators invite people from outside Siva (county officials, operators' staff)
 * by e-mail with a role and a scope; the invitation is accepted at the first login through an external provider
 * (ID-porten, Ansattporten), which binds that login to the person; access is changed, suspended and withdrawn here,
 * every change in the audit trail. An operator's manager invites and removes the operator's own staff.
 */
@ApplicationModule(displayName = "Access administration (tilgang)")
package no.siva.programflyt.access;

import org.springframework.modulith.ApplicationModule;
