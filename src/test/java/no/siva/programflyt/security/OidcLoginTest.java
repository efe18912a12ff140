package no.siva.programflyt.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.support.ProcessTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * OIDC login in production: the token's claims become the same principal as form login gives (roles, counties,
 * operator), the user is recorded for e-mails and assignment, and claims that map to nothing give no access.
 */
class OidcLoginTest extends ProcessTestBase {

    @Autowired
    OidcLogin oidc;
    @Autowired
    AppUserRepository users;
    @Autowired
    OperatorRepository operators;
    @Autowired
    JdbcClient jdbc;

    private OAuth2AuthenticationToken token(Map<String, Object> claims) {
        OidcIdToken id = new OidcIdToken("t", clock.instant(), clock.instant().plusSeconds(60), claims);
        DefaultOidcUser user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), id);
        return new OAuth2AuthenticationToken(user, user.getAuthorities(), "siva");
    }

    @Test
    void claimsMapToRolesAndScope_andTheUserIsSignedInAsCurrentUser() throws Exception {
        CurrentUser county = oidc.toCurrentUser(Map.of("sub", "abc", "preferred_username", "kari.vestland",
                "name", "Kari Vestland", "email", "kari@vlfk.no", "roles", List.of("fylke", "ukjent-rolle"),
                "fylker", List.of("46", "x9")));
        assertThat(county.roles()).containsExactly(Role.FYLKE);
        assertThat(county.counties()).containsExactly("46");
        assertThat(county.groups()).contains("fylke-46");

        String sogn = DemoUsers.DEMO_OPERATORS.get(0);
        CurrentUser staff = oidc.toCurrentUser(Map.of("sub", "o1", "preferred_username", "ola", "email", "ola@sogn.no",
                "roles", "operator", "operator_orgnr", sogn));
        assertThat(staff.operatorId()).isEqualTo(operators.findByOrgNumber(sogn).orElseThrow().getId());
        CurrentUser unknownOperator = oidc.toCurrentUser(Map.of("sub", "o2", "roles", List.of("operator"),
                "operator_orgnr", "999999999"));
        assertThat(unknownOperator.roles()).isEmpty();
        assertThat(oidc.toCurrentUser(Map.of("sub", "p", "roles", List.of("fylke"))).counties()).isEmpty();

        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        oidc.onAuthenticationSuccess(request, response, token(Map.of("sub", "abc", "preferred_username", "kari.vestland",
                "name", "Kari Vestland", "email", "kari@vlfk.no", "roles", List.of("fylke"), "fylker", List.of("46"))));
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        SecurityContext ctx = (SecurityContext) request.getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(ctx.getAuthentication().getPrincipal()).isInstanceOfSatisfying(CurrentUser.class, u -> {
            assertThat(u.username()).isEqualTo("abc");
            assertThat(u.fullName()).isEqualTo("Kari Vestland");
            assertThat(u.counties()).isEqualTo(Set.of("46"));
        });
        assertThat(users.findCountyOfficials("46")).extracting(AppUser::getEmail).contains("kari@vlfk.no");

        MockHttpServletRequest guestRequest = new MockHttpServletRequest();
        MockHttpServletResponse none = new MockHttpServletResponse();
        oidc.onAuthenticationSuccess(guestRequest, none, token(Map.of("sub", "x", "roles", List.of("gjest"))));
        assertThat(none.getRedirectedUrl()).isEqualTo("/ingen-tilgang");
        SecurityContext guest = (SecurityContext) guestRequest.getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(guest == null || guest.getAuthentication() == null).isTrue();
        assertThat(users.findById("x")).isEmpty();
        // no admin from a realm-wide "admin" role without an explicit mapping
        assertThat(oidc.toCurrentUser(Map.of("sub", "y", "roles", List.of("admin", "siva-saksbehandler"))).roles())
                .containsExactly(Role.SIVA_SAKSBEHANDLER);
        // a user disabled in Programflyt stays out
        AppUser kari = users.findById("abc").orElseThrow();
        assertThat(kari.getPasswordHash()).isEqualTo("{bcrypt}!");
        jdbc.sql("update app_user set enabled = false where username = 'abc'").update();
        MockHttpServletResponse disabled = new MockHttpServletResponse();
        oidc.onAuthenticationSuccess(new MockHttpServletRequest(), disabled, token(Map.of("sub", "abc", "roles", List.of("fylke"),
                "fylker", List.of("46"))));
        assertThat(disabled.getRedirectedUrl()).isEqualTo("/ingen-tilgang");
    }
}
