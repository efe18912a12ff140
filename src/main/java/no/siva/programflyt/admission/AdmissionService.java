package no.siva.programflyt.admission;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.registry.County;
import no.siva.programflyt.registry.CountyRepository;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.shared.Amounts;
import no.siva.programflyt.cases.CaseDirectory;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.OrgNumber;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process 1: admission of a new operator via a pilot project, and the counties' expansion projects. The case lives
 * here; the process instance carries its id, the org number as business key, the lead county (for the county's
 * candidate group), the deadlines and the gateway flags.
 */
@Service
public class AdmissionService {

    public static final String CASE_TYPE = "ADMISSION";
    public static final String PROCESS_ID = "operator-admission";

    private final AdmissionCaseRepository cases;
    private final CountyRepository counties;
    private final OperatorRepository operators;
    private final AuditService audit;
    private final CamundaClient client;
    private final TransactionTemplate tx;
    private final AdmissionProperties deadlines;

    private final Clock clock;

    public AdmissionService(Clock clock, AdmissionCaseRepository cases, CountyRepository counties, OperatorRepository operators,
                            AuditService audit, CamundaClient client, TransactionTemplate tx,
                            AdmissionProperties deadlines) {
        this.clock = clock;
        this.cases = cases;
        this.counties = counties;
        this.operators = operators;
        this.audit = audit;
        this.client = client;
        this.tx = tx;
        this.deadlines = deadlines;
    }

    // ---- reading, with scope -------------------------------------------------------------------------------------

    /** Siva sees every admission case; a county official her counties'; operator staff none (pilot projects). */
    @Transactional(readOnly = true)
    public List<AdmissionCase> visibleTo(CurrentUser user) {
        if (user.hasNationalScope()) {
            return cases.findAllByOrderByCreatedAtDesc();
        }
        if (user.isCountyOfficial()) {
            return cases.findVisibleToCounties(user.counties());
        }
        return List.of();
    }

    @Transactional(readOnly = true)
    public AdmissionCase getVisible(CurrentUser user, long id) {
        AdmissionCase c = cases.findById(id).orElseThrow(() -> new NotFoundException("admission " + id));
        if (!CaseDirectory.canView(user, AdmissionCaseProvider.info(c))) {
            throw new NotFoundException("admission " + id);
        }
        return c;
    }

    public static boolean mayRegister(CurrentUser user) {
        return user.isCountyOfficial() || user.has(Role.SIVA_SAKSBEHANDLER) || user.isAdmin();
    }

    /** A county official commissions for her own counties only (as lead); Siva registers on a county's behalf. */
    public static boolean mayCommissionFor(CurrentUser user, String countyCode) {
        return user.hasNationalScope() || user.counties().contains(countyCode);
    }

    // ---- the county's commission starts the process ----------------------------------------------------------------

    /**
     * Registers the commission and starts its process instance. The case is committed before the instance starts
     * (its first worker must find it), and deleted again if the engine refuses: nothing is left half-saved.
     */
    public AdmissionCase register(CurrentUser user, CommissionForm form) {
        if (!mayRegister(user) || !mayCommissionFor(user, form.getCountyCode())) {
            throw new AccessDeniedException("not this county's official");
        }
        County county = counties.findById(form.getCountyCode())
                .orElseThrow(() -> new IllegalArgumentException("unknown county"));
        BigDecimal budget = Amounts.parse(form.getPilotBudget())
                .orElseThrow(() -> new IllegalArgumentException("invalid budget"));
        Set<String> coCounties = new LinkedHashSet<>(form.getCoCountyCodes());
        coCounties.removeIf(code -> !counties.existsById(code));
        String org;
        String name;
        Long expansionOperator = null;
        if (form.getProjectType() == ProjectType.FORPROSJEKT_OPPTAK) {
            org = OrgNumber.normalize(form.getOrgNumber());
            name = form.getCompanyName().trim();
        } else {
            Operator operator = operators.findById(form.getOperatorId())
                    .orElseThrow(() -> new IllegalArgumentException("unknown operator"));
            org = operator.getOrgNumber();
            name = operator.getName();
            expansionOperator = operator.getId();
        }
        final String orgNumber = org;
        final String companyName = name;
        final Long expansionOperatorId = expansionOperator;
        AdmissionCase saved = tx.execute(status -> {
            AdmissionCase c = cases.save(new AdmissionCase(form.getProjectType(), orgNumber, companyName,
                    county.getCode(), coCounties, blankToNull(form.getCompanyEmail()), budget, form.getPilotEndDate(),
                    blankToNull(form.getDescription()), expansionOperatorId, user.username(), clock.instant()));
            audit.record(user.username(), "COMMISSION_REGISTERED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                    (c.isExpansion() ? "Oppdrag om utvidelsesprosjekt registrert for " : "Oppdrag om forprosjekt registrert for ")
                            + c.getCompanyName() + " (" + county.getName() + ")",
                    null);
            return c;
        });
        long key;
        try {
            key = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
                    .variables(startVariables(saved)).send().join().getProcessInstanceKey();
        } catch (RuntimeException e) {
            tx.executeWithoutResult(status -> {
                cases.deleteById(saved.getId());
                audit.record(user.username(), "COMMISSION_NOT_STARTED", CASE_TYPE, saved.getId(), saved.getOrgNumber(),
                        "Oppdraget ble ikke registrert: prosessmotoren svarte ikke", e.getMessage());
            });
            throw e;
        }
        return tx.execute(status -> {
            AdmissionCase c = cases.findForUpdate(saved.getId()).orElseThrow();
            c.started(key);
            return c;
        });
    }

    private Map<String, Object> startVariables(AdmissionCase c) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseId", c.getId());
        vars.put("businessKey", c.getOrgNumber());
        vars.put("countyCode", c.getCountyCode());
        vars.put("projectType", c.getProjectType().name());
        vars.put("pilotDue", pilotDue(c.getPilotEndDate()));
        vars.put("pilotReminder1", deadlines.pilotFirstReminder().toString());
        vars.put("pilotReminder2", deadlines.pilotSecondReminder().toString());
        vars.put("countyReminderCycle", "R/" + deadlines.countyReminderAfter());
        return vars;
    }

    /** The pilot project falls due on its end date at the configured time, Oslo time, as ISO date-time. */
    String pilotDue(LocalDate end) {
        return Formats.iso(end.atStartOfDay(Formats.OSLO).plus(deadlines.pilotDueTime()));
    }

    // ---- decisions made in user tasks (called from the completion handler) -----------------------------------------

    void recordAssessment(AdmissionCase c, List<AdmissionCriterion> criteria, boolean qualified, String summary,
                          String actor) {
        c.assessed(criteria, qualified, summary, actor, clock.instant());
        long met = criteria.stream().filter(AdmissionCriterion::isMet).count();
        audit.record(actor, "PILOT_PROJECT_CONCLUDED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                "Forprosjektet er konkludert: " + (qualified ? "kvalifisert" : "ikke kvalifisert") + " (" + met
                        + " av " + criteria.size() + " kriterier oppfylt)",
                summary);
    }

    void recordProposal(AdmissionCase c, BigDecimal grant, String justification, String actor) {
        c.proposed(grant, justification, actor, clock.instant());
        audit.record(actor, "GRANT_PROPOSED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                "Siva foreslår tilskudd på " + new Formats().nok(grant) + " per år", justification);
    }

    void recordCountyDecision(AdmissionCase c, boolean approved, BigDecimal grant, String reservations,
                              String justification, String actor) {
        c.decided(approved, grant, reservations, justification, actor, clock.instant());
        audit.record(actor, approved ? "COUNTY_APPROVED" : "COUNTY_REJECTED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                approved ? "Fylkeskommunen har vedtatt finansiering på " + new Formats().nok(grant) + " per år"
                        : "Fylkeskommunen har avslått",
                justification);
    }

    void recordRecommendation(AdmissionCase c, String recommendation, String justification, String actor) {
        c.recommended(recommendation, justification, actor, clock.instant());
        audit.record(actor, "EXPANSION_RECOMMENDED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                "Siva anbefaler " + ("viderefore".equals(recommendation) ? "videreføring" : "ikke videreføring")
                        + " av utvidelsesprosjektet",
                justification);
    }

    /** The case, locked for this transaction (see {@link AdmissionCaseRepository#findForUpdate}). */
    AdmissionCase load(long caseId) {
        return cases.findForUpdate(caseId).orElseThrow(() -> new NotFoundException("admission " + caseId));
    }

    static List<AdmissionCriterion> criteriaFrom(Map<String, Object> values) {
        List<AdmissionCriterion> list = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            list.add(new AdmissionCriterion(i, "oppfylt".equals(values.get("kriterium" + i)),
                    (String) values.get("begrunnelse" + i)));
        }
        return list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
