/**
 * Users, roles and scope (Siva, county, operator), the form login of the development run and the OIDC login of
 * production, and the current user every page and action is checked against.
 */
@ApplicationModule(displayName = "Users and sign-in (brukere og innlogging)")
package no.siva.programflyt.security;

import org.springframework.modulith.ApplicationModule;
