package no.siva.programflyt.admission;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.registry.County;
import no.siva.programflyt.registry.CountyRepository;
import no.siva.programflyt.registry.Operator;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.registry.OperatorStatus;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.Amounts;
import no.siva.programflyt.shared.CaseDirectory;
import no.siva.programflyt.shared.Formats;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.OrgNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process 1: admission of a new operator via a pilot project. The case lives here; the process instance carries
 * its id, the org number as business key, the county (for the county's candidate group) and the gateway flags.
 */
@Service
public class AdmissionService {

    public static final String CASE_TYPE = "ADMISSION";
    public static final String PROCESS_ID = "operator-admission";

    private final AdmissionCaseRepository cases;
    private final CountyRepository counties;
    private final OperatorRepository operators;
    private final AppUserRepository users;
    private final AuditService audit;
    private final NotificationService notifications;
    private final CamundaClient client;
    private final String sivaMailbox;
    private final String baseUrl;
    private final TransactionTemplate tx;

    public AdmissionService(AdmissionCaseRepository cases, CountyRepository counties, OperatorRepository operators,
                            AppUserRepository users, AuditService audit, NotificationService notifications,
                            CamundaClient client, TransactionTemplate tx,
                            @Value("${programflyt.siva-mailbox}") String sivaMailbox,
                            @Value("${programflyt.base-url}") String baseUrl) {
        this.cases = cases;
        this.counties = counties;
        this.operators = operators;
        this.users = users;
        this.audit = audit;
        this.notifications = notifications;
        this.client = client;
        this.sivaMailbox = sivaMailbox;
        this.baseUrl = baseUrl;
        this.tx = tx;
    }

    // ---- reading, with scope -------------------------------------------------------------------------------------

    /** Siva sees every admission case; a county official her counties'; operator staff none (pilot projects). */
    @Transactional(readOnly = true)
    public List<AdmissionCase> visibleTo(CurrentUser user) {
        if (user.isSiva() || user.isAdmin()) {
            return cases.findAllByOrderByCreatedAtDesc();
        }
        if (user.isCountyOfficial()) {
            return cases.findByCountyCodeInOrderByCreatedAtDesc(user.counties());
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
        return user.isCountyOfficial() || user.has(no.siva.programflyt.security.Role.SIVA_SAKSBEHANDLER) || user.isAdmin();
    }

    // ---- the county's commission starts the process ----------------------------------------------------------------

    /**
     * Registers the commission and starts its process instance. The case is committed before the instance starts
     * (its first worker must find it), and deleted again if the engine refuses: nothing is left half-saved.
     * A county official may only commission for her own counties.
     */
    public AdmissionCase register(CurrentUser user, CommissionForm form) {
        if (!mayRegister(user) || user.isCountyOfficial() && !user.isSiva() && !user.counties().contains(form.getCountyCode())) {
            throw new AccessDeniedException("not this county's official");
        }
        County county = counties.findById(form.getCountyCode())
                .orElseThrow(() -> new IllegalArgumentException("unknown county"));
        BigDecimal budget = Amounts.parse(form.getPilotBudget())
                .orElseThrow(() -> new IllegalArgumentException("invalid budget"));
        AdmissionCase saved = tx.execute(status -> {
            AdmissionCase c = cases.save(new AdmissionCase(form.getProjectType(), OrgNumber.normalize(form.getOrgNumber()),
                    form.getCompanyName().trim(), county.getCode(), blankToNull(form.getCompanyEmail()), budget,
                    form.getPilotEndDate(), blankToNull(form.getDescription()), user.username()));
            audit.record(user.username(), "COMMISSION_REGISTERED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                    "Oppdrag om forprosjekt registrert for " + c.getCompanyName() + " (" + county.getName() + ")", null);
            return c;
        });
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseId", saved.getId());
        vars.put("businessKey", saved.getOrgNumber());
        vars.put("countyCode", saved.getCountyCode());
        vars.put("pilotDue", saved.getPilotEndDate().atTime(16, 0).atZone(Formats.OSLO).toOffsetDateTime().toString());
        long key;
        try {
            key = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().variables(vars)
                    .send().join().getProcessInstanceKey();
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

    // ---- steps done by workers (idempotent: keyed by case and step) -------------------------------------------------

    @Transactional
    public void notifyCommissionReceived(long caseId) {
        AdmissionCase c = load(caseId);
        c.pilotProjectStarted();
        mail("commission-received", sivaMailbox, "admission-commission-received", c);
    }

    @Transactional
    public void sendNotQualifiedLetters(long caseId) {
        AdmissionCase c = load(caseId);
        if (!c.getStatus().closed()) {
            c.close(AdmissionStatus.NOT_QUALIFIED);
            audit.record(AuditService.SYSTEM, "CASE_CLOSED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                    "Saken er avsluttet: selskapet er ikke kvalifisert for opptak", null);
        }
        for (AppUser official : users.findCountyOfficials(c.getCountyCode())) {
            mail("not-qualified", official.getEmail(), "admission-not-qualified", c);
        }
        if (c.getCompanyEmail() != null) {
            mail("not-qualified", c.getCompanyEmail(), "admission-not-qualified", c);
        }
    }

    @Transactional
    public void sendProposal(long caseId) {
        AdmissionCase c = load(caseId);
        for (AppUser official : users.findCountyOfficials(c.getCountyCode())) {
            mail("proposal", official.getEmail(), "admission-proposal", c);
        }
    }

    @Transactional
    public void notifyRejection(long caseId) {
        AdmissionCase c = load(caseId);
        mail("rejected", sivaMailbox, "admission-rejected", c);
        if (c.getCompanyEmail() != null) {
            mail("rejected", c.getCompanyEmail(), "admission-rejected", c);
        }
    }

    /** Creates the operator (once: a second delivery finds it by org number) and closes the case as admitted. */
    @Transactional
    public Operator admitOperator(long caseId) {
        AdmissionCase c = load(caseId);
        Operator operator = operators.findByOrgNumber(c.getOrgNumber()).orElse(null);
        if (operator == null) {
            operator = new Operator(c.getOrgNumber(), c.getCompanyName(), c.getCountyCode(), OperatorStatus.ACTIVE, null);
            operator.startFirstPeriod(LocalDate.now(Formats.OSLO));
            operator = operators.save(operator);
            audit.record(AuditService.SYSTEM, "OPERATOR_ADMITTED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                    "Operatøren er tatt opp i programmet for perioden " + new Formats().date(operator.getPeriodStart())
                            + "–" + new Formats().date(operator.getPeriodEnd()), null);
        }
        if (c.getStatus() != AdmissionStatus.ADMITTED) {
            c.admitted(operator.getId());
        }
        for (AppUser official : users.findCountyOfficials(c.getCountyCode())) {
            mail("admitted", official.getEmail(), "admission-admitted", c);
        }
        if (c.getCompanyEmail() != null) {
            mail("admitted", c.getCompanyEmail(), "admission-admitted", c);
        }
        return operator;
    }

    // ---- decisions made in user tasks (called from the completion handler) -----------------------------------------

    void recordAssessment(AdmissionCase c, List<AdmissionCriterion> criteria, boolean qualified, String summary,
                          String actor) {
        c.assessed(criteria, qualified, summary);
        long met = criteria.stream().filter(AdmissionCriterion::isMet).count();
        audit.record(actor, "PILOT_PROJECT_CONCLUDED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                "Forprosjektet er konkludert: " + (qualified ? "kvalifisert" : "ikke kvalifisert") + " (" + met
                        + " av " + criteria.size() + " kriterier oppfylt)", summary);
    }

    void recordProposal(AdmissionCase c, BigDecimal grant, String justification, String actor) {
        c.proposed(grant, justification);
        audit.record(actor, "GRANT_PROPOSED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                "Siva foreslår tilskudd på " + new Formats().nok(grant) + " per år", justification);
    }

    void recordCountyDecision(AdmissionCase c, boolean approved, BigDecimal grant, String reservations,
                              String justification, String actor) {
        c.decided(approved, grant, reservations, justification);
        audit.record(actor, approved ? "COUNTY_APPROVED" : "COUNTY_REJECTED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                approved ? "Fylkeskommunen har vedtatt finansiering på " + new Formats().nok(grant) + " per år"
                        : "Fylkeskommunen har avslått", justification);
    }

    /** The case, locked for this transaction (see {@link AdmissionCaseRepository#findForUpdate}). */
    AdmissionCase load(long caseId) {
        return cases.findForUpdate(caseId).orElseThrow(() -> new NotFoundException("admission " + caseId));
    }

    private void mail(String step, String to, String template, AdmissionCase c) {
        Map<String, Object> model = new HashMap<>();
        model.put("case", c);
        model.put("county", counties.findById(c.getCountyCode()).map(County::getName).orElse(c.getCountyCode()));
        model.put("caseUrl", baseUrl + "/admission/" + c.getId());
        model.put("formats", new Formats());
        model.put("subjectArgs", new Object[] {c.getCompanyName()});
        boolean queued = notifications.enqueue("admission:" + c.getId() + ":" + step + ":" + to, to, template, model,
                CASE_TYPE, c.getId());
        if (queued) {
            audit.record(AuditService.SYSTEM, "NOTIFICATION_QUEUED", CASE_TYPE, c.getId(), c.getOrgNumber(),
                    "E-post lagt i utboksen til " + to + " (" + template + ")", null);
        }
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
