package no.siva.programflyt.targetcompany.eligibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The target-company eligibility rules of the programme guide §4.3 and §14 (GBER), as one check that lists every
 * finding: a BLOCK finding refuses admission, a WARN finding asks for a manual review with a justification.
 * Each finding's code is a message key {@code eligibility.<code>} in Norwegian and English.
 */
public final class Eligibility {

    public enum Severity {
        BLOCK, WARN
    }

    public record Finding(String code, Severity severity, List<Object> args) {
        static Finding block(String code, Object... args) {
            return new Finding(code, Severity.BLOCK, List.of(args));
        }

        static Finding warn(String code, Object... args) {
            return new Finding(code, Severity.WARN, List.of(args));
        }
    }

    public record Result(boolean eligible, boolean sme, OwnershipGraph.Aggregation aggregation,
                         SmeTest.Result smeTest, BigDecimal publicPercent, List<Finding> findings) {
        public boolean needsReview() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.WARN);
        }
    }

    private Eligibility() {}

    /**
     * §4.3: «bedrifter med 25 % eller mer offentlig eierskap (herunder KF og SF)» are excluded. These organisation
     * forms of Enhetsregisteret (data.brreg.no/enhetsregisteret/api/organisasjonsformer) are public bodies or
     * enterprises by law, so the register's answer alone refuses them: STAT (Staten), FYLK (Fylkeskommune), KOMM
     * (Kommune), SF (Statsforetak), KF (Kommunalt foretak), FKF (Fylkeskommunalt foretak), IKS (Interkommunalt
     * selskap: only municipalities and counties may take part), ADOS (Administrativ enhet - offentlig sektor), ORGL
     * (Organisasjonsledd) and KIRK (Den norske kirke).
     */
    public static final Map<String, String> PUBLIC_ORG_FORMS = Map.of("STAT", "Staten",
            "FYLK", "Fylkeskommune", "KOMM", "Kommune", "SF", "Statsforetak", "KF", "Kommunalt foretak",
            "FKF", "Fylkeskommunalt foretak", "IKS", "Interkommunalt selskap",
            "ADOS", "Administrativ enhet - offentlig sektor", "ORGL", "Organisasjonsledd", "KIRK", "Den norske kirke");

    /**
     * SÆR (Annet foretak iflg. særskilt lov) holds health trusts and Innovasjon Norge, but also student welfare
     * organisations without a public owner: Siva reviews it.
     */
    public static final String SPECIAL_LAW_ORG_FORM = "SÆR";

    public static Result check(EligibilityInput in) {
        List<Finding> findings = new ArrayList<>();
        if (in.orgForm() != null && PUBLIC_ORG_FORMS.containsKey(in.orgForm())) {
            findings.add(Finding.block("publicOrgForm", PUBLIC_ORG_FORMS.get(in.orgForm()), in.orgForm()));
        }
        if (SPECIAL_LAW_ORG_FORM.equals(in.orgForm())) {
            findings.add(Finding.warn("specialLawOrgForm"));
        }

        // §4.3 excluded entities
        if ("ASA".equals(in.orgForm())) {
            findings.add(Finding.block("asa"));
        }
        BigDecimal publicPercent = in.graph().publicPercent(in.targetId());
        if (publicPercent.compareTo(new BigDecimal("25")) >= 0) {
            findings.add(Finding.block("publicOwnership", publicPercent.stripTrailingZeros().toPlainString()));
        }
        if (isBankOrInsurer(in.naceCode())) {
            findings.add(Finding.block("bankOrInsurer", in.naceCode()));
        }
        if (in.innovationCompany()) {
            findings.add(Finding.block("innovationCompany"));
        }
        if ("STI".equals(in.orgForm()) || "FLI".equals(in.orgForm())) {
            findings.add(Finding.warn("foundationOrAssociation", in.orgForm()));
        }
        if (in.naceCode() != null && in.naceCode().startsWith("94")) {
            findings.add(Finding.warn("nace94", in.naceCode()));
        }

        // §14.1 SME, over the enterprise's category, with the two-year rule and takeovers
        OwnershipGraph.Aggregation aggregation = in.graph().aggregate(in.targetId());
        SmeTest.Result now = SmeTest.of(aggregation.total());
        List<Boolean> years = new ArrayList<>(in.smeByYear() == null ? List.of() : in.smeByYear());
        years.add(now.sme());
        boolean sme = afterTwoYearRule(years);
        if (in.takenOverByLargeGroup()) {
            sme = false;
            findings.add(Finding.block("takeover"));
        } else if (!sme) {
            findings.add(Finding.block("notSme", now.alternative()));
        }

        // §14.3.3 undertaking in difficulty, and the interim-balance rule
        boolean exemptYoungSme = sme && in.registeredDate() != null
                && in.registeredDate().plusYears(3).isAfter(in.assessmentDate());
        boolean capitalLost = halfCapitalLost(in.subscribedCapitalInclPremium(), in.equity());
        boolean interimLost = in.interimEquity() != null
                && halfCapitalLost(in.subscribedCapitalInclPremium(), in.interimEquity());
        if (!exemptYoungSme) {
            if (capitalLost && in.interimEquity() == null) {
                findings.add(Finding.block("interimBalanceRequired"));
            } else if (capitalLost && interimLost) {
                findings.add(Finding.block("difficultyCapitalLost"));
            } else if (interimLost) {
                // «Tilsvarende vil et selskap som ved sist avlagte årsregnskap ikke var i økonomiske vanskeligheter, men
                // faller inn under definisjonen … på opptakstidspunktet, ikke kunne tas opp i program.»
                findings.add(Finding.block("difficultyInterim"));
            }
        }
        if (in.insolvencyProceedings() || in.bankrupt()) {
            findings.add(Finding.block("difficultyInsolvency"));
        }
        if (in.underLiquidation()) {
            findings.add(Finding.warn("underLiquidation"));
        }
        // GBER art. 1(4): an outstanding recovery order
        if (in.outstandingRecoveryOrder()) {
            findings.add(Finding.block("recoveryOrder"));
        }
        boolean eligible = findings.stream().noneMatch(f -> f.severity() == Severity.BLOCK);
        return new Result(eligible, sme, aggregation, now, publicPercent, List.copyOf(findings));
    }

    /** A change of SME status counts only when it has lasted two consecutive years (§14.1.6). */
    public static boolean afterTwoYearRule(List<Boolean> smeByYearOldestFirst) {
        boolean status = smeByYearOldestFirst.get(0);
        for (int i = 1; i < smeByYearOldestFirst.size(); i++) {
            if (smeByYearOldestFirst.get(i).equals(smeByYearOldestFirst.get(i - 1))) {
                status = smeByYearOldestFirst.get(i);
            }
        }
        return status;
    }

    /** More than half of the subscribed capital (incl. premium) lost: equity below half of it. */
    static boolean halfCapitalLost(BigDecimal subscribed, BigDecimal equity) {
        if (subscribed == null || equity == null || subscribed.signum() <= 0) {
            return false;
        }
        return equity.multiply(new BigDecimal("2")).compareTo(subscribed) < 0;
    }

    /** NACE 64.1 (monetary intermediation: banks) and 65 (insurance, reinsurance, pension funding). */
    static boolean isBankOrInsurer(String nace) {
        return nace != null && (nace.startsWith("64.1") || nace.startsWith("65"));
    }
}
