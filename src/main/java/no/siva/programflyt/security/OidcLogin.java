package no.siva.programflyt.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Login through identity providers (OIDC, production). There may be several at once, each a Spring registration
 * ({@code spring.security.oauth2.client.registration.<id>}) with settings here:
 * <ul>
 * <li>Siva's own provider ({@code access: claims}): the token's claims give the user's roles, counties and operator,
 * as Siva's directory says;</li>
 * <li>a provider that says only who a person is, such as ID-porten or Ansattporten ({@code access: granted}): what
 * she may do is the access Siva granted her in Programflyt, by an invitation accepted at her first login, which binds
 * that login (the registration and a SHA-256 of the subject) to her.</li>
 * </ul>
 * A login bound to a person always gets her granted access, whatever the provider's claims say. Every user is signed
 * in as a {@link CurrentUser}, the same principal as with form login, so every scope check works unchanged. Whoever
 * has no access (no role, suspended, withdrawn, never invited) gets the «no access» page and is not signed in.
 */
@Component
public class OidcLogin implements AuthenticationSuccessHandler {

    /** Where the person with no access is sent (a page, not signed in). */
    public static final String NO_ACCESS = "/ingen-tilgang";
    /** Where an invitation that could not be accepted is explained ({@code ?grunn=<reason>}). */
    public static final String INVITATION_REFUSED = "/invitasjon/avvist";

    /** Where a provider's users get their access from. */
    public enum Access {
        CLAIMS, GRANTED
    }

    /**
     * @param label       the name on the login button ("Siva", "ID-porten")
     * @param access      {@code claims} (the token's roles) or {@code granted} (access given in Programflyt)
     * @param invitations the roles an invitation may grant when accepted through this provider
     */
    public record Provider(String label, Access access, Set<Role> invitations) {
        public Provider {
            access = access == null ? Access.GRANTED : access;
            invitations = invitations == null ? Set.of() : Set.copyOf(invitations);
        }
    }

    /**
     * @param enabled      OIDC login on (form login stays for the development run)
     * @param rolesClaim   claim with the user's roles (a list of strings)
     * @param countiesClaim claim with the county numbers of a county official
     * @param operatorClaim claim with the organisation number of an operator's staff member
     * @param roleMapping  a role value in the token to Programflyt's role
     * @param providers    the registrations users may sign in with, by registration id; none configured: Siva's
     *                     provider ({@code siva}) alone, with roles from its claims
     */
    @ConfigurationProperties("programflyt.security.oidc")
    public record Settings(boolean enabled, String rolesClaim, String countiesClaim, String operatorClaim,
                           Map<String, Role> roleMapping, Map<String, Provider> providers) {
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
            if (providers == null || providers.isEmpty()) {
                providers = Map.of("siva", new Provider("Siva", Access.CLAIMS,
                        Set.of(Role.ADMIN, Role.SIVA_SAKSBEHANDLER, Role.SIVA_PROSJEKTLEDER)));
            }
        }
    }

    private final Settings settings;
    private final AppUserRepository users;
    private final OperatorIds operators;
    private final ObjectProvider<InvitationAcceptance> invitations;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler afterLogin = new SavedRequestAwareAuthenticationSuccessHandler();

    public OidcLogin(Settings settings, AppUserRepository users, OperatorIds operators,
                     ObjectProvider<InvitationAcceptance> invitations) {
        this.settings = settings;
        this.users = users;
        this.operators = operators;
        this.invitations = invitations;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The providers to sign in with, by registration id, in the configured order. */
    public Map<String, Provider> providers() {
        return settings.providers();
    }

    /** SHA-256 (hex) of a provider's subject: what binds a login to a person; the subject itself is not kept. */
    public static String subjectHash(String provider, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((provider + ":" + subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
            operatorId = operators.byOrgNumber(string(claims.get(settings.operatorClaim()))).orElse(null);
            if (operatorId == null) {
                roles.remove(Role.OPERATOR);   // staff of an operator Programflyt does not know: no operator access
            }
        }
        return new CurrentUser(username, string(claims.getOrDefault("name", claims.getOrDefault("preferred_username", username))),
                string(claims.get("email")),
                "", Set.copyOf(roles), Set.copyOf(counties), operatorId, true);
    }

    /**
     * Not one transaction: each database step commits on its own (accepting an invitation, recording a claims user)
     * before the person is signed in, so a step that fails signs no one in.
     */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, ServletException {
        Map<String, Object> claims = auth.getPrincipal() instanceof OidcUser oidc ? oidc.getClaims() : Map.of();
        String registration = auth instanceof OAuth2AuthenticationToken t ? t.getAuthorizedClientRegistrationId() : "siva";
        Provider provider = settings.providers().get(registration);
        String subject = string(claims.get("sub"));
        HttpSession session = request.getSession(false);
        String invitation = session == null ? null : (String) session.getAttribute(InvitationAcceptance.PENDING);
        if (invitation != null) {
            session.removeAttribute(InvitationAcceptance.PENDING);
        }
        if (provider == null || subject == null || subject.isBlank()) {
            refuse(request, response, NO_ACCESS);
            return;
        }
        String hash = subjectHash(registration, subject);
        if (invitation != null) {
            try {
                String username = invitations.getObject().accept(invitation, registration, hash, provider.invitations());
                signIn(request, response, CurrentUser.of(users.findById(username).orElseThrow()));
            } catch (InvitationAcceptance.Refused refused) {
                refuse(request, response, INVITATION_REFUSED + "?grunn=" + refused.reason());
            }
            return;
        }
        Optional<AppUser> bound = users.findByLoginProviderAndLoginSubjectHash(registration, hash);
        if (bound.isPresent()) {      // a person with access granted in Programflyt (or suspended, or withdrawn)
            if (bound.get().isEnabled() && bound.get().getWithdrawnAt() == null && !bound.get().getRoles().isEmpty()) {
                signIn(request, response, CurrentUser.of(bound.get()));
            } else {
                refuse(request, response, NO_ACCESS);
            }
            return;
        }
        if (provider.access() != Access.CLAIMS) {   // ID-porten says who she is, not what she may do
            refuse(request, response, NO_ACCESS);
            return;
        }
        CurrentUser user = toCurrentUser(claims);
        AppUser row = users.findById(user.username()).orElse(null);
        if (user.roles().isEmpty() || (row != null && !row.isEnabled())) {   // not (or no longer) a user: not signed in
            refuse(request, response, NO_ACCESS);
            return;
        }
        // recorded for e-mails and assignment; a new user with no usable password ("{bcrypt}!" never matches, should
        // form login ever be turned on against this database), a known one keeps hers
        if (row == null) {
            row = new AppUser(user.username(), user.fullName(), user.email(), "{bcrypt}!", user.roles(), user.counties(),
                    user.operatorId());
        } else {
            row.rename(user.fullName(), user.email());
            row.grant(user.roles(), user.counties(), user.operatorId(), row.isOperatorManager());
        }
        users.save(row);
        signIn(request, response, CurrentUser.of(row));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String page) throws IOException {
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        response.sendRedirect(request.getContextPath() + page);
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response, CurrentUser user)
            throws IOException, ServletException {
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
