package no.siva.programflyt.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.registry.OperatorRepository;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login through Siva's identity provider (OIDC, production): the token's claims give the user's roles, counties and
 * operator; the user is recorded in {@code app_user} (for e-mails and assignment) and signed in as a
 * {@link CurrentUser}, the same principal as with form login, so every scope check works unchanged. A user whose
 * token maps to no role gets no access.
 */
@Component
public class OidcLogin implements AuthenticationSuccessHandler {

    /**
     * @param enabled      OIDC login on (form login stays for the development run)
     * @param rolesClaim   claim with the user's roles (a list of strings)
     * @param countiesClaim claim with the county numbers of a county official
     * @param operatorClaim claim with the organisation number of an operator's staff member
     * @param roleMapping  a role value in the token to Programflyt's role
     */
    @ConfigurationProperties("programflyt.security.oidc")
    public record Settings(boolean enabled, String rolesClaim, String countiesClaim, String operatorClaim,
                           Map<String, Role> roleMapping) {
        public Settings {
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            countiesClaim = countiesClaim == null ? "fylker" : countiesClaim;
            operatorClaim = operatorClaim == null ? "operator_orgnr" : operatorClaim;
            if (roleMapping == null || roleMapping.isEmpty()) {
                // admin only through an explicit mapping: a realm-wide "admin" role must not become Programflyt's
                roleMapping = new LinkedHashMap<>();
                for (Role r : Role.values()) {
                    if (r != Role.ADMIN) {
                        roleMapping.put(r.group(), r);
                    }
                }
            }
        }
    }

    private final Settings settings;
    private final AppUserRepository users;
    private final OperatorRepository operators;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler afterLogin =
            new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();

    public OidcLogin(Settings settings, AppUserRepository users, OperatorRepository operators) {
        this.settings = settings;
        this.users = users;
        this.operators = operators;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * The user as the token's claims describe her. Her key is the token's subject (stable and unique at the provider;
     * a display name such as preferred_username may change or repeat).
     */
    public CurrentUser toCurrentUser(Map<String, Object> claims) {
        String username = string(claims.get("sub"));
        Set<Role> roles = new LinkedHashSet<>();
        for (String r : strings(claims.get(settings.rolesClaim()))) {
            Role mapped = settings.roleMapping().get(r);
            if (mapped != null) {
                roles.add(mapped);
            }
        }
        Set<String> counties = new LinkedHashSet<>();
        if (roles.contains(Role.FYLKE)) {
            strings(claims.get(settings.countiesClaim())).stream().filter(c -> c.matches("\\d{2}")).forEach(counties::add);
        }
        Long operatorId = null;
        if (roles.contains(Role.OPERATOR)) {
            operatorId = operators.findByOrgNumber(string(claims.get(settings.operatorClaim()))).map(o -> o.getId()).orElse(null);
            if (operatorId == null) {
                roles.remove(Role.OPERATOR);   // staff of an operator Programflyt does not know: no operator access
            }
        }
        return new CurrentUser(username, string(claims.getOrDefault("name", claims.getOrDefault("preferred_username", username))),
                string(claims.get("email")),
                "", Set.copyOf(roles), Set.copyOf(counties), operatorId, true);
    }

    @Override
    @Transactional
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, jakarta.servlet.ServletException {
        Map<String, Object> claims = auth.getPrincipal() instanceof OidcUser oidc ? oidc.getClaims() : Map.of();
        CurrentUser user = toCurrentUser(claims);
        boolean disabled = users.findById(user.username()).map(u -> !u.isEnabled()).orElse(false);
        if (user.roles().isEmpty() || disabled) {   // not (or no longer) a user of the programme: not signed in
            SecurityContextHolder.clearContext();
            contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            response.sendRedirect(request.getContextPath() + "/login?ingen-tilgang");
            return;
        }
        // no usable password: "{bcrypt}!" never matches, should form login ever be turned on against this database
        users.save(new AppUser(user.username(), user.fullName(), user.email(), "{bcrypt}!", user.roles(), user.counties(),
                user.operatorId()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // back to the page she asked for (e.g. a link in an e-mail), always within the app
        afterLogin.onAuthenticationSuccess(request, response, context.getAuthentication());
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static List<String> strings(Object o) {
        if (o instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return o == null ? List.of() : List.of(o.toString().split("[,\\s]+"));
    }
}
