/**
 * Each target company's lifecycle under the GBER state-aid rules, admission to exit: eligibility (SME test,
 * ownership), the aid ledger and caps by date, the yearly dialogue, exit and the exit survey. Its sub-packages
 * eligibility, ledger and survey are internal; survey's schedule is a named interface for the reporting calendar.
 */
@ApplicationModule(displayName = "Target companies (målbedrifter)")
package no.siva.programflyt.targetcompany;

import org.springframework.modulith.ApplicationModule;
