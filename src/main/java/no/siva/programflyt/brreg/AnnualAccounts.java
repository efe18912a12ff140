package no.siva.programflyt.brreg;

import java.math.BigDecimal;

/**
 * The figures the SME test and the difficulty test need from a company's last annual accounts in
 * Regnskapsregisteret (NOK).
 *
 * @param paidInEquity share capital including share premium (innskutt egenkapital)
 */
public record AnnualAccounts(int year, BigDecimal turnover, BigDecimal totalAssets, BigDecimal equity,
                             BigDecimal paidInEquity, boolean audited) {}
