package no.siva.programflyt.brreg;

import java.time.LocalDate;

/**
 * A unit in the Central Coordinating Register for Legal Entities (Enhetsregisteret), as far as the programme needs it.
 *
 * @param orgFormCode e.g. "AS", "ASA", "STI" (stiftelse), "FLI" (forening/lag/innretning)
 * @param naceCode    the main industry code, e.g. "70.220"
 * @param registeredOn the date of registration in Enhetsregisteret (for the three-year rule of §14.3.3), or null
 */
public record RegisterEntry(String orgNumber, String name, String orgFormCode, String orgFormText, String naceCode,
                            String naceText, String address, boolean bankrupt, boolean underLiquidation,
                            LocalDate registeredOn) {

    public boolean isLimitedCompany() {
        return "AS".equals(orgFormCode);
    }

    public boolean isPublicLimitedCompany() {
        return "ASA".equals(orgFormCode);
    }
}
