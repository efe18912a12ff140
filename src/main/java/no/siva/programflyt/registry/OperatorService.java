package no.siva.programflyt.registry;

import java.time.Clock;
import java.util.List;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.shared.NotFoundException;
import no.siva.programflyt.shared.OrgNumber;
import no.siva.programflyt.shared.BusinessRuleException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OperatorService {

    public static final String CASE_TYPE = "OPERATOR";

    private final OperatorRepository operators;
    private final CountyRepository counties;
    private final AuditService audit;

    private final Clock clock;

    public OperatorService(Clock clock, OperatorRepository operators, CountyRepository counties, AuditService audit) {
        this.clock = clock;
        this.operators = operators;
        this.counties = counties;
        this.audit = audit;
    }

    /** Operators the user may see: Siva all, a county official her counties', operator staff their own. */
    @Transactional(readOnly = true)
    public List<Operator> visibleTo(CurrentUser user) {
        if (user.hasNationalScope()) {
            return operators.findAllByOrderByName();
        }
        if (user.isCountyOfficial()) {
            return operators.findByCountyCodeInOrderByName(user.counties());
        }
        if (user.isOperatorUser()) {
            return operators.findById(user.operatorId()).stream().toList();
        }
        return List.of();
    }

    @Transactional(readOnly = true)
    public Operator getVisible(CurrentUser user, long id) {
        return visibleTo(user).stream().filter(o -> o.getId() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("operator " + id));
    }

    /** Only an administrator registers an existing operator outside the pilot-project path. */
    public static boolean canRegisterDirectly(CurrentUser user) {
        return user.isAdmin();
    }

    public static boolean canEdit(CurrentUser user) {
        return user.hasNationalScope();
    }

    /**
     * Registers an existing operator directly, outside the pilot-project path (the 2023 cohort): an administrator only,
     * recorded as such. New operators come through the admission process. Returns null and leaves nothing saved when
     * the org number is taken.
     */
    @Transactional
    public Operator create(CurrentUser user, OperatorForm form) {
        requireRegisterDirectly(user);
        String org = OrgNumber.normalize(form.getOrgNumber());
        if (operators.findByOrgNumber(org).isPresent()) {
            return null;
        }
        requireCounty(form.getCountyCode());
        Operator o = new Operator(org, form.getName().trim(), form.getCountyCode(), form.getStatus(),
                form.getSivaContact(), clock.instant());
        o.registeredDirectly();
        o = operators.save(o);
        audit.record(user.username(), "OPERATOR_REGISTERED", CASE_TYPE, o.getId(), org,
                "Eksisterende operatør registrert direkte av administrator, utenom forprosjekt: " + o.getName(), null);
        return o;
    }

    @Transactional
    public Operator update(CurrentUser user, long id, OperatorForm form) {
        requireEdit(user);
        requireCounty(form.getCountyCode());
        Operator o = operators.findById(id).orElseThrow(() -> new NotFoundException("operator " + id));
        OperatorStatus before = o.getStatus();
        // an operator taken out of the programme comes back only the way an existing operator is registered: by an
        // administrator, recorded as such (a case handler cannot make an operator active outside the pilot project)
        if (before == OperatorStatus.TERMINATED && form.getStatus() != OperatorStatus.TERMINATED && !canRegisterDirectly(user)) {
            throw BusinessRuleException.at("status", "operator.error.reactivateAdminOnly");
        }
        o.update(form.getName().trim(), form.getCountyCode(), form.getStatus(), form.getSivaContact());
        audit.record(user.username(), before != o.getStatus() ? "OPERATOR_STATUS_CHANGED" : "OPERATOR_UPDATED",
                CASE_TYPE, o.getId(), o.getOrgNumber(),
                before != o.getStatus() ? "Status endret fra " + before + " til " + o.getStatus() : "Operatør oppdatert",
                null);
        return o;
    }

    /** Refuses a user who may not register an existing operator directly. */
    public static void requireRegisterDirectly(CurrentUser user) {
        if (!canRegisterDirectly(user)) {
            throw new AccessDeniedException("only an administrator registers an existing operator directly");
        }
    }

    /** Refuses a user who may not edit the operator registry. */
    public static void requireEdit(CurrentUser user) {
        if (!canEdit(user)) {
            throw new AccessDeniedException("only Siva edits the operator registry");
        }
    }

    private void requireCounty(String code) {
        if (!counties.existsById(code)) {
            throw new IllegalArgumentException("unknown county " + code);
        }
    }
}
