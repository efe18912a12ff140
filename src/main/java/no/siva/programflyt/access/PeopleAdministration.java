package no.siva.programflyt.access;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.access.AccessAdministration.Grant;
import no.siva.programflyt.access.AccessAdministration.InviteForm;
import no.siva.programflyt.access.AccessAdministration.Outcome;
import no.siva.programflyt.access.AccessAdministration.Person;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.OidcLogin;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.security.SignedInSessions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people with access, as Siva administers them: the list, a person's page, and changing, suspending, resuming and
 * withdrawing her access. Every change is in the audit trail and ends the person's sessions on every instance, so it
 * takes effect at her next click.
 */
@Service
class PeopleAdministration {

    private final Clock clock;
    private final AppUserRepository users;
    private final AuditService audit;
    private final SignedInSessions sessions;
    private final OidcLogin logins;
    private final AccessRules rules;

    PeopleAdministration(Clock clock, AppUserRepository users, AuditService audit, SignedInSessions sessions,
                         OidcLogin logins, AccessRules rules) {
        this.clock = clock;
        this.users = users;
        this.audit = audit;
        this.sessions = sessions;
        this.logins = logins;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public List<Person> people(CurrentUser by) {
        rules.mayAdminister(by);
        List<AppUser> list = by.isAdmin() ? users.everyone() : users.staffOf(by.operatorId()).stream()
                .filter(u -> u.getUsername().equals(by.username()) || rules.administers(by, u)).toList();
        return list.stream().map(this::person).toList();
    }

    @Transactional(readOnly = true)
    public Person person(CurrentUser by, String username) {
        return person(rules.administered(by, username));
    }

    private Person person(AppUser u) {
        Role role = u.getRoles().stream().findFirst().orElse(null);
        return new Person(u.getUsername(), u.getFullName(), u.getEmail(), u.getRoles(),
                role == null ? "" : rules.scope(role, u.getCounties(), u.getOperatorId()), u.accessState(),
                u.isOperatorManager(), logins.providers().containsKey(String.valueOf(u.getLoginProvider()))
                        ? logins.providers().get(u.getLoginProvider()).label() : null,
                u.getLoginProvider() != null);
    }

    /** The person's present grant, as the change form starts. */
    @Transactional(readOnly = true)
    public InviteForm formOf(CurrentUser by, String username) {
        AppUser u = rules.administered(by, username);
        Role role = u.getRoles().stream().findFirst().orElse(null);
        return new InviteForm(u.getFullName(), u.getEmail(), role == null ? "" : role.name(),
                u.getCounties().stream().sorted().toList(), u.getOperatorId() == null ? null : String.valueOf(u.getOperatorId()),
                u.isOperatorManager());
    }

    /** A new role and scope for a person (administrators only). */
    @Transactional
    public Outcome change(CurrentUser by, String username, InviteForm form) {
        if (!by.isAdmin()) {
            throw new AccessDeniedException("administrators only");
        }
        AppUser person = rules.administeredOther(by, username);   // another administrator changes hers
        if (person.getLoginProvider() == null || person.getWithdrawnAt() != null) {
            // roles from Siva's directory (or the demo's users) change there; a withdrawn person needs an invitation
            throw new AccessDeniedException("access not granted in Programflyt");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Role role = rules.parseRole(form.role()).orElse(null);
        OidcLogin.Provider provider = logins.providers().get(person.getLoginProvider());
        if (role == null) {
            errors.put("role", "access.error.role");
            return new Outcome(errors);
        }
        if (provider == null || !provider.invitations().contains(role)) {
            errors.put("role", "access.error.roleForLogin");   // e.g. an ID-porten login made an administrator
            return new Outcome(errors);
        }
        Grant grant = rules.checkGrant(new Grant(role, Set.copyOf(form.counties() == null ? List.of() : form.counties()),
                form.operator(), form.manager()), errors);
        if (!errors.isEmpty()) {
            return new Outcome(errors);
        }
        person.grant(Set.of(grant.role()), grant.counties(), grant.operatorId(), grant.operatorManager());
        users.save(person);
        audit.record(by.username(), "ACCESS_CHANGED", null, null, username,
                person.getFullName() + ": tilgang endret til " + rules.describe(grant), null);
        sessions.endAll(username);
        return new Outcome(Map.of());
    }

    /** @return false when there was nothing to suspend (already suspended or withdrawn) */
    @Transactional
    public boolean suspend(CurrentUser by, String username) {
        AppUser person = rules.administeredOther(by, username);
        if (!"ACTIVE".equals(person.accessState())) {
            return false;
        }
        person.suspend();
        users.save(person);
        audit.record(by.username(), "ACCESS_SUSPENDED", null, null, username, person.getFullName() + ": tilgang stanset", null);
        sessions.endAll(username);
        return true;
    }

    /**
     * Administrators only (a suspension may be Siva's decision, which an operator's manager must not undo).
     * @return false when there was nothing to resume (active, or withdrawn: only a new invitation brings her back)
     */
    @Transactional
    public boolean resume(CurrentUser by, String username) {
        if (!by.isAdmin()) {
            throw new AccessDeniedException("administrators only");
        }
        AppUser person = rules.administeredOther(by, username);
        if (!"SUSPENDED".equals(person.accessState())) {
            return false;
        }
        person.resume();
        users.save(person);
        audit.record(by.username(), "ACCESS_RESUMED", null, null, username, person.getFullName() + ": tilgang gjenopprettet", null);
        return true;
    }

    /** @return false when she was withdrawn already */
    @Transactional
    public boolean withdraw(CurrentUser by, String username) {
        AppUser person = rules.administeredOther(by, username);
        if (person.getWithdrawnAt() != null) {
            return false;
        }
        person.withdraw(clock.instant());
        users.save(person);
        audit.record(by.username(), "ACCESS_WITHDRAWN", null, null, username, person.getFullName() + ": tilgang trukket tilbake", null);
        sessions.endAll(username);
        return true;
    }
}
