package no.siva.programflyt.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user with her roles and data scope (counties, operator). */
public record CurrentUser(String username, String fullName, String email, String passwordHash, Set<Role> roles,
                          Set<String> counties, Long operatorId, boolean enabled, boolean operatorManager)
        implements
            UserDetails {

    public CurrentUser(String username, String fullName, String email, String passwordHash, Set<Role> roles,
                       Set<String> counties, Long operatorId, boolean enabled) {
        this(username, fullName, email, passwordHash, roles, counties, operatorId, enabled, false);
    }

    public static CurrentUser of(AppUser u) {
        return new CurrentUser(u.getUsername(), u.getFullName(), u.getEmail(), u.getPasswordHash(), u.getRoles(),
                Set.copyOf(u.getCounties()), u.getOperatorId(), u.isEnabled(), u.isOperatorManager());
    }

    /** Invites and removes the staff of her own operator (an operator's manager), or anyone's (an administrator). */
    public boolean administersAccess() {
        return isAdmin() || (isOperatorUser() && operatorManager);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isSiva() {
        return has(Role.SIVA_SAKSBEHANDLER) || has(Role.SIVA_PROSJEKTLEDER);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /**
     * The scope rule's first line: Siva's staff and administrators work nationally (every operator, county and case);
     * everyone else within a county's or an operator's scope.
     */
    public boolean hasNationalScope() {
        return isSiva() || isAdmin();
    }

    public boolean isCountyOfficial() {
        return has(Role.FYLKE);
    }

    public boolean isOperatorUser() {
        return has(Role.OPERATOR) && operatorId != null;
    }

    /**
     * The operator a page or action is about: an operator's staff always their own, whatever the request says; others
     * the one they asked for ({@code requested}, may be null).
     */
    public Long operatorOr(Long requested) {
        return isOperatorUser() ? operatorId() : requested;
    }

    /** May act on behalf of this operator: its own staff, Siva and administrators. */
    public boolean actsFor(long operator) {
        return hasNationalScope() || (isOperatorUser() && Long.valueOf(operator).equals(operatorId()));
    }

    /** Sees every task and case (read): project leaders and administrators. */
    public boolean seesEverything() {
        return has(Role.SIVA_PROSJEKTLEDER) || isAdmin();
    }

    /** The candidate groups this user belongs to, as used in the BPMN models. */
    public Set<String> groups() {
        Set<String> g = new LinkedHashSet<>();
        for (Role r : roles) {
            if (r != Role.FYLKE && r != Role.OPERATOR) {
                g.add(r.group());
            }
        }
        if (isCountyOfficial()) {
            counties.forEach(c -> g.add(Role.countyGroup(c)));
        }
        if (isOperatorUser()) {
            g.add(Role.operatorGroup(operatorId));
        }
        return g;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public List<String> countyList() {
        return counties.stream().sorted().toList();
    }
}
