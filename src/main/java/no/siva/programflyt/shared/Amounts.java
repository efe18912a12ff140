package no.siva.programflyt.shared;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Parses amounts as Norwegians type them: "1 250 000", "1250000,50", "1.250.000" is refused as ambiguous. Spaces may
 * be ordinary, no-break or narrow no-break (as copied from a spreadsheet or a formatted letter).
 */
public final class Amounts {

    private Amounts() {}

    public static Optional<BigDecimal> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.replaceAll("[\\s\u00a0\u2009\u202f]", "").replace("kr", "").replace(',', '.');
        if (!s.matches("-?\\d+(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s));
    }
}
