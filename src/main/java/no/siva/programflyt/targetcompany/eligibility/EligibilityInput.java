package no.siva.programflyt.targetcompany.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the eligibility check needs: the register's facts, the operator's answers and the ownership graph around the
 * target. Money in EUR where GBER sets the thresholds (converted at the ECB yearly average rate, see
 * {@link no.siva.programflyt.targetcompany.ledger.EurRates}); capital and equity in NOK.
 *
 * @param smeByYear                     the SME status of the years before the figures given, oldest first (may be
 *                                      empty); the check adds the result for the figures given
 * @param subscribedCapitalInclPremium  share capital including share premium (NOK), from the last annual accounts
 * @param equity                        equity (NOK) in the last annual accounts
 * @param interimEquity                 equity in an interim balance, if one was presented (NOK), else null
 * @param takenOverByLargeGroup         the company now belongs to a group that is large over the last two years
 */
public record EligibilityInput(String orgForm, String naceCode, boolean bankrupt, boolean underLiquidation,
                               boolean innovationCompany, OwnershipGraph graph, String targetId,
                               List<Boolean> smeByYear, LocalDate registeredDate,
                               BigDecimal subscribedCapitalInclPremium, BigDecimal equity, BigDecimal interimEquity,
                               boolean insolvencyProceedings, boolean outstandingRecoveryOrder,
                               boolean takenOverByLargeGroup, LocalDate assessmentDate) {}
