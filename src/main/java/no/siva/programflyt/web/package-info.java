/**
 * The pages' shell: home page, navigation, error pages and web configuration.
 */
@ApplicationModule(displayName = "Web shell")
package no.siva.programflyt.web;

import org.springframework.modulith.ApplicationModule;
