package no.siva.programflyt.targetcompany.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    public AidLedger(Clock clock, AidLedgerRepository lines, TargetCompanyRepository companies, EurRates rates,
                     JdbcClient jdbc, AuditService audit) {
        this.clock = clock;
        this.lines = lines;
        this.companies = companies;
        this.rates = rates;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The cap's history, from table {@code aid_cap}. */
    @Transactional(readOnly = true)
    public AidCaps caps() {
        Map<LocalDate, BigDecimal> m = new LinkedHashMap<>();
        jdbc.sql("select valid_from, cap_eur from aid_cap order by valid_from")
                .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2))).list()
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return AidCaps.of(m);
    }

    /**
     * Records the enterprises linked to a target company (org numbers, from its ownership at the eligibility check):
     * they and every target company linked to them share one cap.
     */
    @Transactional
    public void recordGroup(TargetCompany c, Collection<String> linkedOrgNumbers) {
        jdbc.sql("delete from aid_group_member where target_company_id = ?").param(c.getId()).update();
        Set<String> orgs = new TreeSet<>(linkedOrgNumbers);
        orgs.add(c.getOrgNumber());
        for (String org : orgs) {
            jdbc.sql("insert into aid_group_member (target_company_id, org_number) values (?, ?)").params(c.getId(), org)
                    .update();
        }
    }

    /**
     * The org numbers sharing the company's cap: its own, its linked enterprises', and theirs, transitively, in both
     * directions (a company that names no linked enterprise still shares the cap of one that names it).
     */
    @Transactional(readOnly = true)
    public List<String> group(TargetCompany c) {
        List<String> orgs = jdbc.sql("""
                with recursive g(org) as (
                    select ?::varchar
                    union
                    select org_number from aid_group_member where target_company_id = ?
                    union
                    select m2.org_number from g join aid_group_member m1 on m1.org_number = g.org
                        join aid_group_member m2 on m2.target_company_id = m1.target_company_id)
                select org from g order by org""").params(c.getOrgNumber(), c.getId()).query(String.class).list();
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
        long id = jdbc.sql("""
                insert into aid_grant (target_company_id, org_number, granted_on, kind, amount_nok, eur_rate, amount_eur,
                    provisional_rate, description, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.getId(), c.getOrgNumber(), date, kind.name(), amountNok, rate.nokPerEur(), eur, rate.provisional(),
                        description, actor, Timestamp.from(clock.instant()))
                .query(Long.class).single();
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
        BigDecimal grantedByThen = jdbc.sql("select coalesce(sum(amount_nok), 0) from aid_grant where target_company_id = ? "
                + "and granted_on <= ?").params(c.getId(), in.serviceDate()).query(BigDecimal.class).single();
        BigDecimal invoicedByThen = jdbc.sql("select coalesce(sum(aid_nok), 0) from aid_ledger_line where target_company_id = ? "
                + "and service_date <= ?").params(c.getId(), in.serviceDate()).query(BigDecimal.class).single();
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
        return jdbc.sql("""
                select id, granted_on, kind, amount_nok, eur_rate, amount_eur, provisional_rate, description from aid_grant
                where target_company_id = ? order by granted_on, id""").param(targetCompanyId)
                .query((rs, n) -> new GrantRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBoolean(7), rs.getString(8)))
                .list();
    }

    @Transactional(readOnly = true)
    public BigDecimal grantedNok(long targetCompanyId) {
        return jdbc.sql("select coalesce(sum(amount_nok), 0) from aid_grant where target_company_id = ?")
                .param(targetCompanyId).query(BigDecimal.class).single();
    }

    @Transactional(readOnly = true)
    public BigDecimal invoicedNok(long targetCompanyId) {
        return jdbc.sql("select coalesce(sum(aid_nok), 0) from aid_ledger_line where target_company_id = ?")
                .param(targetCompanyId).query(BigDecimal.class).single();
    }

    /**
     * Aid granted (EUR) in the three years ending on {@code end}, per org number, other state aid included, in two
     * queries (the portfolio of all 25,000 companies, see bench/README.md): org number to aid, absent where none.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> usedEurByOrg(Collection<String> orgNumbers, LocalDate end) {
        LocalDate after = end.minusYears(3);
        String[] orgs = orgNumbers.stream().distinct().toArray(String[]::new);
        Map<String, BigDecimal> used = new HashMap<>();
        for (String sql : List.of(
                "select org_number, sum(amount_eur) from aid_grant where org_number = any(?) and granted_on > ? "
                        + "and granted_on <= ? group by org_number",
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
            jdbc.sql("select pg_advisory_xact_lock(?)").param(Long.parseLong(org)).query().singleRow();
        }
        // a member added while waiting would have been checked under its own lock: read the group again
        List<String> again = group(c);
        return again.equals(group) ? group : lockGroup(c);
    }

    /** The group's grants and other state aid within three years either side of {@code date}. */
    private List<RollingCap.Grant> grantsOf(List<String> group, LocalDate date) {
        String[] orgs = group.toArray(String[]::new);
        List<RollingCap.Grant> result = new ArrayList<>();
        for (String sql : List.of(
                "select granted_on, amount_eur from aid_grant where org_number = any(?) and granted_on > ? and granted_on < ?",
                "select granted_on, amount_eur from other_state_aid where org_number = any(?) and granted_on > ? and granted_on < ?")) {
            result.addAll(jdbc.sql(sql).params(orgs, date.minusYears(6), date.plusYears(3))
                    .query((rs, n) -> new RollingCap.Grant(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2))).list());
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
