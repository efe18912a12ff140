package no.siva.programflyt.targetcompany.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.shared.BusinessRuleException;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.targetcompany.TargetCompany;
import no.siva.programflyt.targetcompany.TargetCompanyRepository;
import no.siva.programflyt.targetcompany.TargetCompanyStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aid ledger (guide §8.2, §14.3, §14.5). Aid is <em>granted</em> on the admission date («Opptaksdato i program
 * anses som … den datoen bedriften fikk innvilget statsstøtte (uavhengig av når NH/INK fakturerer bedriften)»), and
 * an increase is a new grant with its own date. Each grant is checked, at its date, against the cap in force on that
 * date ({@link AidCaps}) over the three years before, for the whole group of linked enterprises (§6.2 «konsernnivå»),
 * other state aid for the same costs included. Invoice lines are then checked against what was granted, the agreed
 * intensity (at most 75 %, 50 % for IPR and secondment), the agreement's period and the self-declaration's validity.
 * Every org number of the group is locked, in order, while a grant is checked, so two grants of one group cannot pass
 * the cap together.
 */
@Service
public class AidLedger {

    public static final BigDecimal VAT_RATE = new BigDecimal("0.25");
    private static final String CASE_TYPE = "TARGET_COMPANY";

    public record LineInput(LocalDate serviceDate, CostType costType, String description, BigDecimal marketValueNok,
                            BigDecimal ownContributionNok) {}

    /** A grant as the ledger page shows it. */
    public record GrantRow(long id, LocalDate grantedOn, String kind, BigDecimal amountNok, BigDecimal eurRate,
                           BigDecimal amountEur, boolean provisionalRate, String description) {}

    public enum GrantKind {
        AGREEMENT, INCREASE
    }

    private final AidLedgerRepository lines;
    private final TargetCompanyRepository companies;
    private final EurRates rates;
    private final AidTables tables;
    private final AuditService audit;
    private final Clock clock;

    AidLedger(Clock clock, AidLedgerRepository lines, TargetCompanyRepository companies, EurRates rates,
              AidTables tables, AuditService audit) {
        this.clock = clock;
        this.lines = lines;
        this.companies = companies;
        this.rates = rates;
        this.tables = tables;
        this.audit = audit;
    }

    /** The cap's history, from table {@code aid_cap}. */
    @Transactional(readOnly = true)
    public AidCaps caps() {
        return AidCaps.of(tables.caps());
    }

    /**
     * Records the enterprises linked to a target company (org numbers, from its ownership at the eligibility check):
     * they and every target company linked to them share one cap.
     */
    @Transactional
    public void recordGroup(TargetCompany c, Collection<String> linkedOrgNumbers) {
        Set<String> orgs = new TreeSet<>(linkedOrgNumbers);
        orgs.add(c.getOrgNumber());
        tables.replaceGroup(c.getId(), orgs);
    }

    /**
     * The org numbers sharing the company's cap: its own, its linked enterprises', and theirs, transitively, in both
     * directions (a company that names no linked enterprise still shares the cap of one that names it).
     */
    @Transactional(readOnly = true)
    public List<String> group(TargetCompany c) {
        List<String> orgs = tables.group(c.getOrgNumber(), c.getId());
        if (!orgs.contains(c.getOrgNumber())) {
            TreeSet<String> withOwn = new TreeSet<>(orgs);
            withOwn.add(c.getOrgNumber());
            return List.copyOf(withOwn);
        }
        return orgs;
    }

    /**
     * Checks that {@code amountNok} may be granted to the company on {@code date} within an agreement from
     * {@code from} to {@code to}, and holds the group's locks until the transaction ends. Refusals name the field
     * ({@code date} or {@code amount}) they are about; a refusal leaves the caller's transaction usable (a task form
     * shows it at the field).
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public void checkGrant(TargetCompany c, LocalDate date, BigDecimal amountNok, LocalDate from, LocalDate to) {
        List<String> group = lockGroup(c);
        if (amountNok == null || amountNok.signum() <= 0) {
            throw BusinessRuleException.at("amount", "ledger.error.grantAmount");
        }
        if (date.isBefore(from) || (to != null && date.isAfter(to))) {
            throw BusinessRuleException.at("date", "ledger.error.outsideAgreement", fmt().date(from), fmt().date(to));
        }
        if (!c.declarationCovers(date)) {
            throw BusinessRuleException.at("date", "ledger.error.declarationExpired", fmt().date(c.declarationExpiredBefore(date)));
        }
        EurRates.Rate rate = rates.forYear(date.getYear());
        BigDecimal eur = amountNok.divide(rate.nokPerEur(), 2, RoundingMode.HALF_UP);
        AidCaps caps = caps();
        BigDecimal headroom = RollingCap.headroom(grantsOf(group, date), date, caps);
        if (eur.compareTo(headroom) > 0) {
            throw BusinessRuleException.at("amount", group.size() > 1 ? "ledger.error.capExceededGroup" : "ledger.error.capExceeded",
                    eur(eur), eur(headroom.max(BigDecimal.ZERO)), eur(caps.inForce(date)), fmt().date(date));
        }
    }

    /**
     * Grants aid. The company's first grant is the agreement's and is dated the admission date (§14.5: «Opptaksdato i
     * program anses som … den datoen bedriften fikk innvilget statsstøtte»); every later one is an increase, dated the
     * day it is granted and never ahead of today (a grant dated ahead would be checked against a window that has
     * already let go of earlier aid). The kind is decided under the company's lock.
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public GrantRow grant(long targetCompanyId, LocalDate date, BigDecimal amountNok, String description, String actor) {
        TargetCompany c = companies.findForUpdate(targetCompanyId)
                .orElseThrow(() -> new NotFoundException("target company " + targetCompanyId));
        if (c.getStatus() != TargetCompanyStatus.ACTIVE) {
            throw new BusinessRuleException("ledger.error.notActive");
        }
        GrantKind kind = grants(targetCompanyId).isEmpty() ? GrantKind.AGREEMENT : GrantKind.INCREASE;
        if (kind == GrantKind.AGREEMENT && !date.equals(c.getAgreementStart())) {
            throw BusinessRuleException.at("date", "ledger.error.firstGrantOnAdmission", fmt().date(c.getAgreementStart()));
        }
        if (kind == GrantKind.INCREASE && date.isAfter(LocalDate.now(clock))) {
            throw BusinessRuleException.at("date", "ledger.error.grantAhead", fmt().date(LocalDate.now(clock)));
        }
        checkGrant(c, date, amountNok, c.getAgreementStart(), c.lastAidDate());
        EurRates.Rate rate = rates.forYear(date.getYear());
        BigDecimal eur = amountNok.divide(rate.nokPerEur(), 2, RoundingMode.HALF_UP);
        long id = tables.insertGrant(c.getId(), c.getOrgNumber(), date, kind.name(), amountNok, rate, eur, description, actor,
                clock.instant());
        audit.record(actor, "AID_GRANTED", CASE_TYPE, c.getId(), c.getOrgNumber(), (kind == GrantKind.AGREEMENT
                ? "Innvilget støtte " : "Økt innvilget støtte: ") + fmt().nok(amountNok) + " (" + eur(eur) + ") fra "
                + fmt().date(date), null);
        return new GrantRow(id, date, kind.name(), amountNok, rate.nokPerEur(), eur, rate.provisional(), description);
    }

    @Transactional
    public AidLedgerLine record(long targetCompanyId, LineInput in, String actor) {
        TargetCompany c = companies.findForUpdate(targetCompanyId)
                .orElseThrow(() -> new NotFoundException("target company " + targetCompanyId));
        if (c.getStatus() != TargetCompanyStatus.ACTIVE && c.getStatus() != TargetCompanyStatus.EXITED) {
            throw new BusinessRuleException("ledger.error.notActive");
        }
        if (in.serviceDate().isBefore(c.getAgreementStart())
                || (c.lastAidDate() != null && in.serviceDate().isAfter(c.lastAidDate()))) {
            throw BusinessRuleException.at("serviceDate", "ledger.error.outsideAgreement",
                    fmt().date(c.getAgreementStart()), fmt().date(c.lastAidDate()));
        }
        // §14.5: «gyldig i to år fra opptaksdato gitt at bedriften er sammenhengende i program denne 2-årsperioden»
        if (!c.declarationCovers(in.serviceDate())) {
            throw BusinessRuleException.at("serviceDate", "ledger.error.declarationExpired",
                    fmt().date(c.declarationExpiredBefore(in.serviceDate())));
        }
        if (in.marketValueNok().signum() <= 0 || in.ownContributionNok().signum() < 0) {
            throw BusinessRuleException.at("marketValue", "ledger.error.amounts");
        }
        if (in.ownContributionNok().compareTo(in.marketValueNok()) > 0) {
            throw BusinessRuleException.at("ownContribution", "ledger.error.ownAboveMarket");
        }
        BigDecimal aid = in.marketValueNok().subtract(in.ownContributionNok());
        BigDecimal intensity = aid.multiply(new BigDecimal("100")).divide(in.marketValueNok(), 2, RoundingMode.HALF_UP);
        if (intensity.compareTo(in.costType().maxIntensityPercent()) > 0) {
            throw BusinessRuleException.at("ownContribution", "ledger.error.intensityAboveMax", percent(intensity),
                    percent(in.costType().maxIntensityPercent()));
        }
        if (intensity.compareTo(c.getAidIntensityPercent()) > 0) {
            throw BusinessRuleException.at("ownContribution", "ledger.error.intensityAboveAgreed", percent(intensity),
                    percent(c.getAidIntensityPercent()));
        }
        // invoiced aid never runs ahead of what was granted: in all, and up to the line's date (an increase granted
        // later does not cover an earlier line)
        BigDecimal granted = grantedNok(c.getId());
        BigDecimal invoiced = invoicedNok(c.getId());
        BigDecimal grantedByThen = tables.grantedNokUntil(c.getId(), in.serviceDate());
        BigDecimal invoicedByThen = tables.invoicedNokUntil(c.getId(), in.serviceDate());
        if (invoiced.add(aid).compareTo(granted) > 0) {
            throw BusinessRuleException.at("marketValue", "ledger.error.aboveGranted", fmt().nok(aid),
                    fmt().nok(granted.subtract(invoiced).max(BigDecimal.ZERO)), fmt().nok(granted));
        }
        if (invoicedByThen.add(aid).compareTo(grantedByThen) > 0) {
            throw BusinessRuleException.at("marketValue", "ledger.error.aboveGrantedByThen", fmt().nok(aid),
                    fmt().date(in.serviceDate()), fmt().nok(grantedByThen.subtract(invoicedByThen).max(BigDecimal.ZERO)));
        }
        EurRates.Rate rate = rates.forYear(in.serviceDate().getYear());
        BigDecimal aidEur = aid.divide(rate.nokPerEur(), 2, RoundingMode.HALF_UP);
        BigDecimal vat = in.ownContributionNok().multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP);
        AidLedgerLine line = lines.save(new AidLedgerLine(c.getId(), c.getOrgNumber(), in.serviceDate(), in.costType(),
                in.description().trim(), in.marketValueNok(), in.ownContributionNok(), aid, vat, rate.nokPerEur(), aidEur,
                actor, clock.instant()));
        audit.record(actor, "AID_RECORDED", CASE_TYPE, c.getId(), c.getOrgNumber(), "Fakturert støtte " + fmt().nok(aid)
                + " (" + eur(aidEur) + ", " + percent(intensity) + ") for " + line.getDescription(), null);
        return line;
    }

    /** How much aid (EUR) may still be granted to the company's group on this date. */
    @Transactional(readOnly = true)
    public BigDecimal headroomEur(TargetCompany c, LocalDate date) {
        return RollingCap.headroom(grantsOf(group(c), date), date, caps());
    }

    /** Aid (EUR) granted to the company's group, other state aid included, in the three years ending on {@code end}. */
    @Transactional(readOnly = true)
    public BigDecimal usedEur(TargetCompany c, LocalDate end) {
        return RollingCap.used(grantsOf(group(c), end), end);
    }

    /** The company's grants, oldest first. */
    @Transactional(readOnly = true)
    public List<GrantRow> grants(long targetCompanyId) {
        return tables.grants(targetCompanyId);
    }

    @Transactional(readOnly = true)
    public BigDecimal grantedNok(long targetCompanyId) {
        return tables.grantedNok(targetCompanyId);
    }

    @Transactional(readOnly = true)
    public BigDecimal invoicedNok(long targetCompanyId) {
        return tables.invoicedNok(targetCompanyId);
    }

    /**
     * Aid granted (EUR) in the three years ending on {@code end}, per org number, other state aid included, in two
     * queries (the portfolio of all 25,000 companies, see bench/README.md): org number to aid, absent where none.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> usedEurByOrg(Collection<String> orgNumbers, LocalDate end) {
        LocalDate after = end.minusYears(3);
        String[] orgs = orgNumbers.stream().distinct().toArray(String[]::new);
        return tables.usedEurByOrg(orgs, after, end);
    }

    @Transactional
    public void declareOtherAid(TargetCompany c, LocalDate grantedOn, BigDecimal amountEur, String source) {
        tables.insertOtherAid(c.getId(), c.getOrgNumber(), grantedOn, amountEur, source);
    }

    /** The month's invoice basis for one operator: every line of its companies with service date in the month. */
    @Transactional(readOnly = true)
    public List<AidLedgerLine> month(long operatorId, YearMonth month) {
        List<AidLedgerLine> result = new ArrayList<>();
        for (TargetCompany c : companies.findByOperatorIdOrderByName(operatorId)) {
            lines.findByTargetCompanyIdOrderByServiceDateAscIdAsc(c.getId()).stream()
                    .filter(l -> YearMonth.from(l.getServiceDate()).equals(month)).forEach(result::add);
        }
        return result;
    }

    /** Locks every org number of the group, in order (advisory, until the transaction ends), and returns them. */
    private List<String> lockGroup(TargetCompany c) {
        List<String> group = group(c);
        for (String org : group) {
            tables.lock(org);
        }
        // a member added while waiting would have been checked under its own lock: read the group again
        List<String> again = group(c);
        return again.equals(group) ? group : lockGroup(c);
    }

    /** The group's grants and other state aid within three years either side of {@code date}. */
    private List<RollingCap.Grant> grantsOf(List<String> group, LocalDate date) {
        return tables.grantsBetween(group.toArray(String[]::new), date.minusYears(6), date.plusYears(3));
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
