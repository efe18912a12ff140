package no.siva.programflyt.targetcompany.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyRepository;
import no.siva.programflyt.targetcompany.TargetCompanyStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aid ledger (guide §8.2, §14.3): every invoice line's aid, within the company's agreed intensity (at most 75 %,
 * 50 % for IPR and secondment) and, with other state aid for the same costs, within EUR 220 000 over any rolling
 * three-year period. A line is checked against every three-year window it falls in (also windows ending at later
 * lines, for a line entered late); the company's org number is locked while a line is added, so two lines cannot
 * pass the cap together.
 */
@Service
public class AidLedger {

    public static final BigDecimal CAP_EUR = new BigDecimal("220000");
    public static final BigDecimal VAT_RATE = new BigDecimal("0.25");
    private static final String CASE_TYPE = "TARGET_COMPANY";

    public record LineInput(LocalDate serviceDate, CostType costType, String description, BigDecimal marketValueNok,
                            BigDecimal ownContributionNok) {
    }

    private final AidLedgerRepository lines;
    private final TargetCompanyRepository companies;
    private final EurRates rates;
    private final JdbcClient jdbc;
    private final AuditService audit;

    private final Clock clock;

    public AidLedger(Clock clock, AidLedgerRepository lines, TargetCompanyRepository companies, EurRates rates, JdbcClient jdbc,
                     AuditService audit) {
        this.clock = clock;
        this.lines = lines;
        this.companies = companies;
        this.rates = rates;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public AidLedgerLine record(long targetCompanyId, LineInput in, String actor) {
        TargetCompany c = companies.findForUpdate(targetCompanyId)
                .orElseThrow(() -> new NotFoundException("target company " + targetCompanyId));
        // the cap is per company, across its cases (re-admission) and operators
        jdbc.sql("select pg_advisory_xact_lock(?)").param(Long.parseLong(c.getOrgNumber())).query().singleRow();

        if (c.getStatus() != TargetCompanyStatus.ACTIVE && c.getStatus() != TargetCompanyStatus.EXITED) {
            throw new BusinessRuleException("ledger.error.notActive");
        }
        if (in.serviceDate().isBefore(c.getAgreementStart())
                || (c.lastAidDate() != null && in.serviceDate().isAfter(c.lastAidDate()))) {
            throw new BusinessRuleException("ledger.error.outsideAgreement", fmt().date(c.getAgreementStart()),
                    fmt().date(c.lastAidDate()));
        }
        if (in.marketValueNok().signum() <= 0 || in.ownContributionNok().signum() < 0) {
            throw new BusinessRuleException("ledger.error.amounts");
        }
        if (in.ownContributionNok().compareTo(in.marketValueNok()) > 0) {
            throw new BusinessRuleException("ledger.error.ownAboveMarket");
        }
        BigDecimal aid = in.marketValueNok().subtract(in.ownContributionNok());
        BigDecimal intensity = aid.multiply(new BigDecimal("100")).divide(in.marketValueNok(), 2, RoundingMode.HALF_UP);
        if (intensity.compareTo(in.costType().maxIntensityPercent()) > 0) {
            throw new BusinessRuleException("ledger.error.intensityAboveMax", percent(intensity),
                    percent(in.costType().maxIntensityPercent()));
        }
        if (intensity.compareTo(c.getAidIntensityPercent()) > 0) {
            throw new BusinessRuleException("ledger.error.intensityAboveAgreed", percent(intensity),
                    percent(c.getAidIntensityPercent()));
        }
        EurRates.Rate rate = rates.forYear(in.serviceDate().getYear());
        BigDecimal aidEur = aid.divide(rate.nokPerEur(), 2, RoundingMode.HALF_UP);
        BigDecimal headroom = headroomEur(c.getOrgNumber(), in.serviceDate());
        if (aidEur.compareTo(headroom) > 0) {
            throw new BusinessRuleException("ledger.error.capExceeded", eur(aidEur), eur(headroom.max(BigDecimal.ZERO)),
                    eur(CAP_EUR));
        }
        BigDecimal vat = in.ownContributionNok().multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP);
        AidLedgerLine line = lines.save(new AidLedgerLine(c.getId(), c.getOrgNumber(), in.serviceDate(), in.costType(),
                in.description().trim(), in.marketValueNok(), in.ownContributionNok(), aid, vat, rate.nokPerEur(), aidEur,
                actor, clock.instant()));
        audit.record(actor, "AID_RECORDED", CASE_TYPE, c.getId(), c.getOrgNumber(), "Støtte " + fmt().nok(aid) + " ("
                + eur(aidEur) + ", " + percent(intensity) + ") for " + line.getDescription(), null);
        return line;
    }

    /** How much aid (EUR) may still be given on this date without any three-year window passing the cap. */
    @Transactional(readOnly = true)
    public BigDecimal headroomEur(String orgNumber, LocalDate date) {
        TreeSet<LocalDate> windowEnds = new TreeSet<>(List.of(date));
        windowEnds.addAll(jdbc.sql("""
                select service_date from aid_ledger_line where org_number = ? and service_date > ? and service_date < ?
                union select granted_on from other_state_aid where org_number = ? and granted_on > ? and granted_on < ?""")
                .params(orgNumber, date, date.plusYears(3), orgNumber, date, date.plusYears(3))
                .query(LocalDate.class).list());
        BigDecimal worst = BigDecimal.ZERO;
        for (LocalDate end : windowEnds) {
            worst = worst.max(usedEur(orgNumber, end));
        }
        return CAP_EUR.subtract(worst);
    }

    /** Aid (EUR) in the three years ending on {@code end}: dates after {@code end} minus three years, up to it. */
    @Transactional(readOnly = true)
    public BigDecimal usedEur(String orgNumber, LocalDate end) {
        return usedEurByOrg(List.of(orgNumber), end).getOrDefault(orgNumber, BigDecimal.ZERO);
    }

    /**
     * {@link #usedEur} for many companies in two queries (the portfolio of all 25,000 companies made two queries per
     * company, see bench/README.md): org number to aid, absent where none.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> usedEurByOrg(Collection<String> orgNumbers, LocalDate end) {
        LocalDate after = end.minusYears(3);
        String[] orgs = orgNumbers.stream().distinct().toArray(String[]::new);
        Map<String, BigDecimal> used = new HashMap<>();
        for (String sql : List.of(
                "select org_number, sum(aid_eur) from aid_ledger_line where org_number = any(?) and service_date > ? "
                        + "and service_date <= ? group by org_number",
                "select org_number, sum(amount_eur) from other_state_aid where org_number = any(?) and granted_on > ? "
                        + "and granted_on <= ? group by org_number")) {
            jdbc.sql(sql).params(orgs, after, end).query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
                    .list().forEach(e -> used.merge(e.getKey(), e.getValue(), BigDecimal::add));
        }
        return used;
    }

    @Transactional
    public void declareOtherAid(TargetCompany c, LocalDate grantedOn, BigDecimal amountEur, String source) {
        jdbc.sql("insert into other_state_aid (target_company_id, org_number, granted_on, amount_eur, source) values (?, ?, ?, ?, ?)")
                .params(c.getId(), c.getOrgNumber(), grantedOn, amountEur, source).update();
    }

    /** The month's invoice basis for one operator: every line of its companies with service date in the month. */
    @Transactional(readOnly = true)
    public List<AidLedgerLine> month(long operatorId, java.time.YearMonth month) {
        List<AidLedgerLine> result = new ArrayList<>();
        for (TargetCompany c : companies.findByOperatorIdOrderByName(operatorId)) {
            lines.findByTargetCompanyIdOrderByServiceDateAscIdAsc(c.getId()).stream()
                    .filter(l -> java.time.YearMonth.from(l.getServiceDate()).equals(month)).forEach(result::add);
        }
        return result;
    }

    private static Formats fmt() {
        return new Formats();
    }

    static String percent(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }

    static String eur(BigDecimal amount) {
        return fmt().eur(amount);
    }
}
