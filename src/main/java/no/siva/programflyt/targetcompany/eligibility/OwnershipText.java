package no.siva.programflyt.targetcompany.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.siva.programflyt.shared.Amounts;
import no.siva.programflyt.shared.OrgNumber;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Enterprise;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Holding;
import no.siva.programflyt.targetcompany.eligibility.OwnershipGraph.Kind;

/**
 * Reads the ownership around a target company as the operator types it in the needs-mapping form: one line per
 * enterprise ("name; work units; turnover NOK; balance NOK; type [figures]") and one line per holding
 * ("owner; owned; capital %; votes %"), with M for the target itself. Every problem is named by field and line.
 */
public final class OwnershipText {

    public static final String TARGET = "M";

    /** A problem at a line of a field, as a message key with arguments. */
    public record Problem(String field, int line, String key, Object... args) {}

    public record Parsed(OwnershipGraph graph, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private OwnershipText() {}

    /** @param nokPerEur the rate for the accounts' year; figures are held in EUR */
    public static Parsed parse(Figures targetNok, String enterprises, String holdings, BigDecimal nokPerEur) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Enterprise> byName = new LinkedHashMap<>();
        byName.put(TARGET, Enterprise.of(TARGET, toEur(targetNok, nokPerEur)));
        int n = 0;
        for (String raw : lines(enterprises)) {
            n++;
            if (raw.isBlank()) {
                continue;
            }
            String[] p = raw.split(";", -1);
            if (p.length < 4) {
                problems.add(new Problem("virksomheter", n, "targetcompany.ownership.enterpriseColumns"));
                continue;
            }
            String name = p[0].trim();
            Optional<BigDecimal> units = Amounts.parse(p[1].trim());
            Optional<BigDecimal> turnover = Amounts.parse(p[2].trim());
            Optional<BigDecimal> balance = Amounts.parse(p[3].trim());
            if (name.isEmpty() || name.equals(TARGET) || byName.containsKey(name)) {
                problems.add(new Problem("virksomheter", n, "targetcompany.ownership.enterpriseName", name));
                continue;
            }
            if (units.isEmpty() || turnover.isEmpty() || balance.isEmpty() || units.get().signum() < 0
                    || turnover.get().signum() < 0 || balance.get().signum() < 0) {
                problems.add(new Problem("virksomheter", n, "targetcompany.ownership.enterpriseFigures"));
                continue;
            }
            String[] type = p.length > 4 ? p[4].trim().toLowerCase().split("\\s+") : new String[] {"virksomhet"};
            Figures eur = toEur(new Figures(units.get(), turnover.get(), balance.get()), nokPerEur);
            Enterprise e = switch (type[0]) {
                case "", "virksomhet" -> Enterprise.of(name, eur);
                case "offentlig" -> new Enterprise(name, name, eur, Kind.PUBLIC_BODY, null, null, null);
                case "kommune" -> type.length == 3 && Amounts.parse(type[1]).isPresent() && type[2].matches("\\d+")
                        ? new Enterprise(name, name, eur, Kind.AUTONOMOUS_LOCAL_AUTHORITY, null,
                                Amounts.parse(type[1]).get(), Integer.parseInt(type[2]))
                        : new Enterprise(name, name, eur, Kind.PUBLIC_BODY, null, null, null);
                case "investor" -> new Enterprise(name, name, eur, Kind.PUBLIC_INVESTMENT_OR_VENTURE, null, null, null);
                case "universitet" -> new Enterprise(name, name, eur, Kind.UNIVERSITY_OR_RESEARCH_CENTRE, null, null, null);
                case "institusjonell" -> new Enterprise(name, name, eur, Kind.INSTITUTIONAL_INVESTOR, null, null, null);
                case "engel" -> new Enterprise(name, name, eur, Kind.BUSINESS_ANGEL,
                        type.length > 1 ? Amounts.parse(type[1]).orElse(null) : null, null, null);
                default -> null;
            };
            if (e == null) {
                problems.add(new Problem("virksomheter", n, "targetcompany.ownership.enterpriseType", type[0]));
                continue;
            }
            byName.put(name, e);
        }
        List<Holding> hs = new ArrayList<>();
        n = 0;
        for (String raw : lines(holdings)) {
            n++;
            if (raw.isBlank()) {
                continue;
            }
            String[] p = raw.split(";", -1);
            if (p.length < 3) {
                problems.add(new Problem("eierskap", n, "targetcompany.ownership.holdingColumns"));
                continue;
            }
            String owner = p[0].trim();
            String owned = p[1].trim();
            if (!byName.containsKey(owner) || !byName.containsKey(owned) || owner.equals(owned)) {
                problems.add(new Problem("eierskap", n, "targetcompany.ownership.holdingNames", owner, owned));
                continue;
            }
            Optional<BigDecimal> capital = percent(p[2]);
            Optional<BigDecimal> votes = p.length > 3 && !p[3].isBlank() ? percent(p[3]) : capital;
            if (capital.isEmpty() || votes.isEmpty()) {
                problems.add(new Problem("eierskap", n, "targetcompany.ownership.holdingPercent"));
                continue;
            }
            hs.add(new Holding(owner, owned, capital.get(), votes.get()));
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return new Parsed(new OwnershipGraph(byName.values(), hs), problems);
    }

    private static final Pattern ORG_NUMBER = Pattern.compile("(?<!\\d)(\\d{3} ?\\d{3} ?\\d{3})(?!\\d)");

    /**
     * The Norwegian org number written in an enterprise's name ("Morselskap AS 912 345 678"), if any: enterprises are
     * told apart across target companies by it, so that two companies linked to one parent share one aid cap.
     */
    public static Optional<String> orgNumberIn(String name) {
        Matcher m = ORG_NUMBER.matcher(name == null ? "" : name);
        while (m.find()) {
            String digits = m.group(1).replace(" ", "");
            if (OrgNumber.isValid(digits)) {
                return Optional.of(digits);
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> percent(String raw) {
        return Amounts.parse(raw.replace("%", "").trim())
                .filter(p -> p.signum() >= 0 && p.compareTo(new BigDecimal("100")) <= 0);
    }

    private static Figures toEur(Figures nok, BigDecimal rate) {
        return new Figures(nok.workUnits(), nok.turnoverEur().divide(rate, 2, RoundingMode.HALF_UP),
                nok.balanceEur().divide(rate, 2, RoundingMode.HALF_UP));
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\\R"));
    }
}
