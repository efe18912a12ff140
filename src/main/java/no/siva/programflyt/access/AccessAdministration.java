package no.siva.programflyt.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.siva.programflyt.audit.AuditService;
import no.siva.programflyt.notifications.NotificationService;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.CurrentUser;
import no.siva.programflyt.security.InvitationAcceptance;
import no.siva.programflyt.security.OidcLogin;
import no.siva.programflyt.security.People;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.shared.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may use Programflyt, as Siva grants it: invitations, sent by e-mail and accepted once at the first login through
 * a provider allowed for the role. Changing, suspending and withdrawing a person's access is
 * {@link PeopleAdministration}; the rules both follow (who administers whom, what a grant may be) are
 * {@link AccessRules}. Every change is in the audit trail.
 * <p>An administrator administers everyone; an operator's manager only the operator's own staff (invites them as
 * staff, suspends, resumes and withdraws them, never herself).
 */
@Service
public class AccessAdministration implements InvitationAcceptance {

    /** What an invitation or a change grants. */
    public record Grant(Role role, Set<String> counties, Long operatorId, boolean operatorManager) {}

    /** The invitation form as sent. */
    public record InviteForm(String fullName, String email, String role, List<String> counties, String operatorId,
                             Boolean operatorManager) {
        public static InviteForm empty() {
            return new InviteForm("", "", "", List.of(), null, false);
        }

        public boolean manager() {
            return Boolean.TRUE.equals(operatorManager);
        }

        /** The chosen operator's id, or null (none chosen, or not a number). */
        Long operator() {
            try {
                return operatorId == null || operatorId.isBlank() ? null : Long.valueOf(operatorId.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** The outcome of a form: the field errors (message keys by field), or done. */
    public record Outcome(Map<String, String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** An open invitation as the access page lists it. */
    public record OpenInvitation(long id, String fullName, String email, Role role, String scope, Instant expiresAt,
                                 boolean expired, String invitedBy) {}

    /**
     * A person with (or once with) access, as the access page lists her.
     * @param granted her access was granted in Programflyt (an accepted invitation), so it is changed here; otherwise
     *                it comes from Siva's directory (or the demo's users)
     */
    public record Person(String username, String fullName, String email, Set<Role> roles, String scope, String state,
                         boolean operatorManager, String login, boolean granted) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final InvitationRepository invitations;
    private final AppUserRepository users;
    private final AuditService audit;
    private final NotificationService notifications;
    private final AccessRules rules;
    private final People people;
    private final OidcLogin logins;
    private final Duration validity;
    private final String baseUrl;

    public AccessAdministration(Clock clock, InvitationRepository invitations, AppUserRepository users,
                                AuditService audit, NotificationService notifications,
                                AccessRules rules, People people, OidcLogin logins,
                                @Value("${programflyt.access.invitation-validity:P14D}") Duration validity,
                                @Value("${programflyt.base-url}") String baseUrl) {
        this.clock = clock;
        this.invitations = invitations;
        this.users = users;
        this.audit = audit;
        this.notifications = notifications;
        this.rules = rules;
        this.people = people;
        this.logins = logins;
        this.validity = validity;
        this.baseUrl = baseUrl;
    }

    /** The roles this user may invite people to. */
    public List<Role> invitableRoles(CurrentUser by) {
        rules.mayAdminister(by);
        return by.isAdmin() ? List.of(Role.FYLKE, Role.OPERATOR, Role.SIVA_SAKSBEHANDLER, Role.SIVA_PROSJEKTLEDER, Role.ADMIN)
                : List.of(Role.OPERATOR);
    }

    /**
     * Invites a person: checks the form (a Norwegian message at each wrong field, nothing saved), records the
     * invitation with a hash of a new secret, and e-mails her the link with the secret.
     */
    @Transactional
    public Outcome invite(CurrentUser by, InviteForm form) {
        rules.mayAdminister(by);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.fullName() == null ? "" : form.fullName().strip();
        String email = form.email() == null ? "" : form.email().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.put("fullName", "access.error.name");
        }
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 200) {
            errors.put("email", "access.error.email");
        }
        Role role = rules.parseRole(form.role()).filter(r -> invitableRoles(by).contains(r)).orElse(null);
        if (role == null) {
            errors.put("role", "access.error.role");
        }
        Grant grant = null;
        if (role != null) {
            Long operatorId = by.isAdmin() ? form.operator() : by.operatorId();
            grant = rules.checkGrant(new Grant(role, Set.copyOf(form.counties() == null ? List.of() : form.counties()),
                    operatorId, by.isAdmin() && form.manager()), errors);
        }
        if (!errors.isEmpty()) {
            return new Outcome(errors);
        }
        open(by.username(), people.name(by.username()), name, email, grant, rules.describe(grant));
        return new Outcome(Map.of());
    }

    /** The first administrator, invited when Programflyt starts with none (deploy/README.md). */
    @Transactional
    public boolean inviteFirstAdministrator(String fullName, String email) {
        Instant now = clock.instant();
        boolean anAdmin = users.everyone().stream()
                .anyMatch(u -> u.getWithdrawnAt() == null && u.getRoles().contains(Role.ADMIN));
        if (anAdmin || invitations.adminInvitationOpen(now)) {
            return false;
        }
        open(AuditService.SYSTEM, "Programflyt", fullName, email, new Grant(Role.ADMIN, Set.of(), null, false),
                "første administrator");
        return true;
    }

    /**
     * Records an invitation under the hash of a new secret, e-mails the secret's link and writes the audit line.
     * @param invitedAs how the audit line names the grant ("fylkesrådgiver (Vestland)")
     */
    private void open(String by, String inviter, String fullName, String email, Grant grant, String invitedAs) {
        String secret = newSecret();
        Instant now = clock.instant();
        Invitation invitation = invitations.save(new Invitation(secretHash(secret), email, fullName, grant.role(),
                grant.counties(), grant.operatorId(), grant.operatorManager(), by, now, now.plus(validity)));
        send(invitation, secret, inviter);
        audit.record(by, "ACCESS_INVITED", null, null, email, fullName + " (" + email + ") invitert som " + invitedAs,
                "invitation:" + invitation.getId());
    }

    private void send(Invitation invitation, String secret, String inviter) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", invitation.getFullName());
        model.put("inviter", inviter);
        model.put("role", "role." + invitation.getRole().name());
        model.put("scope", rules.scope(invitation.getRole(), invitation.getCounties(), invitation.getOperatorId()));
        model.put("link", baseUrl + "/invitasjon/" + secret);
        model.put("expiresAt", new Formats().date(invitation.getExpiresAt()));
        model.put("providers", providersFor(invitation.getRole()));
        notifications.enqueue("access-invitation:" + invitation.getId(), invitation.getEmail(), "access-invitation",
                model, null, null);
    }

    /** What the invitation page shows to the person holding the link (nothing is used up by looking). */
    public record InvitationView(String fullName, Role role, String scope, Instant expiresAt, String inviter,
                                 Invitation.State state, List<Map.Entry<String, String>> providers) {}

    /** The hash under which an invitation's secret is stored (and kept in the session of the person accepting it). */
    public static String secretHash(String secret) {
        return OidcLogin.subjectHash("invitation", secret);
    }

    @Transactional(readOnly = true)
    public Optional<InvitationView> view(String secret) {
        return invitations.findByTokenHash(secretHash(secret)).map(i -> new InvitationView(
                i.getFullName(), i.getRole(), rules.scope(i.getRole(), i.getCounties(), i.getOperatorId()), i.getExpiresAt(),
                people.name(i.getInvitedBy()), i.state(clock.instant()), providersFor(i.getRole())));
    }

    /** The providers through which an invitation to this role may be accepted: registration id to label. */
    List<Map.Entry<String, String>> providersFor(Role role) {
        return logins.providers().entrySet().stream().filter(e -> e.getValue().invitations().contains(role))
                .map(e -> Map.entry(e.getKey(), e.getValue().label())).toList();
    }

    @Override
    @Transactional(noRollbackFor = Refused.class)   // a refusal has written nothing; the login's transaction goes on
    public String accept(String secretHash, String provider, String subjectHash, Set<Role> providerRoles) {
        Instant now = clock.instant();
        Invitation invitation = invitations.findByTokenHash(secretHash).orElseThrow(() -> new Refused("unknown"));
        switch (invitation.state(now)) {
            case REVOKED -> throw new Refused("revoked");
            case ACCEPTED -> throw new Refused("used");
            case EXPIRED -> throw new Refused("expired");
            case PENDING -> {}
        }
        if (!providerRoles.contains(invitation.getRole())) {
            throw new Refused("wrongProvider");
        }
        Optional<AppUser> bound = users.findByLoginProviderAndLoginSubjectHash(provider, subjectHash);
        if (bound.isPresent() && bound.get().getWithdrawnAt() == null) {
            // this login belongs to a person with (or with suspended) access: an invitation does not change or
            // restore it; Siva does, on her page
            throw new Refused("alreadyBound");
        }
        AppUser person = bound.orElseGet(() -> AppUser.invited("u-" + UUID.randomUUID(), invitation.getFullName(),
                invitation.getEmail()));
        if (invitations.take(invitation.getId(), now, person.getUsername()) == 0) {
            throw new Refused("used");   // taken by another login a moment ago
        }
        person.rename(invitation.getFullName(), invitation.getEmail());
        person.grant(Set.of(invitation.getRole()), invitation.getCounties(), invitation.getOperatorId(),
                invitation.isOperatorManager());
        person.bindLogin(provider, subjectHash);
        users.save(person);
        audit.record(person.getUsername(), "ACCESS_ACCEPTED", null, null, person.getUsername(),
                invitation.getFullName() + " tok imot invitasjonen og fikk tilgang som "
                        + rules.describe(new Grant(invitation.getRole(), invitation.getCounties(), invitation.getOperatorId(),
                                invitation.isOperatorManager())),
                "invitation:" + invitation.getId() + " provider:" + provider);
        return person.getUsername();
    }

    @Transactional
    public void revoke(CurrentUser by, long invitationId) {
        rules.mayAdminister(by);
        Invitation invitation = invitations.findById(invitationId)
                .filter(i -> by.isAdmin() || (i.getRole() == Role.OPERATOR && !i.isOperatorManager()
                        && by.operatorId().equals(i.getOperatorId())))
                .orElseThrow(() -> new AccessDeniedException("not this invitation"));
        if (invitation.state(clock.instant()) == Invitation.State.PENDING
                || invitation.state(clock.instant()) == Invitation.State.EXPIRED) {
            invitation.revoke(clock.instant());
            audit.record(by.username(), "ACCESS_INVITATION_REVOKED", null, null, invitation.getEmail(),
                    "Invitasjonen til " + invitation.getFullName() + " trukket tilbake", "invitation:" + invitationId);
        }
    }

    @Transactional(readOnly = true)
    public List<OpenInvitation> openInvitations(CurrentUser by) {
        rules.mayAdminister(by);
        Instant now = clock.instant();
        return (by.isAdmin() ? invitations.open() : invitations.openFor(by.operatorId())).stream()
                .map(i -> new OpenInvitation(i.getId(), i.getFullName(), i.getEmail(), i.getRole(),
                        rules.scope(i.getRole(), i.getCounties(), i.getOperatorId()), i.getExpiresAt(),
                        i.state(now) == Invitation.State.EXPIRED, people.name(i.getInvitedBy())))
                .toList();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
