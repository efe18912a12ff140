package no.siva.programflyt.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.siva.programflyt.security.OidcLogin;
import no.siva.programflyt.support.MockOidc;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The access matrix again, every endpoint by every role, with each user signed in through a real OIDC server the way
 * production signs them in: Siva's staff through Siva's provider with their roles in the token's claims, the county
 * official and the operator's staff through ID-porten, each login bound to the person (as an accepted invitation
 * binds it). Scope must be enforced
 * exactly as with form login: the same matrix, the same expected outcomes.
 */
@ContextConfiguration(initializers = MockOidc.class)
class AccessMatrixOidcTest extends AccessMatrixTest {

    @Autowired
    JdbcClient jdbc;

    private final Map<String, Cookie> sessions = new HashMap<>();

    /** The roles Siva's directory gives the demo's Siva staff, as the token's "roles" claim carries them. */
    private static final Map<String, List<String>> SIVA_ROLES = Map.of(SB, List.of("siva-saksbehandler"),
            PL, List.of("siva-prosjektleder"), AD, List.of("programflyt-admin", "siva-saksbehandler"));

    @BeforeEach
    void bindTheDemoUsersLogins() {
        for (String who : List.of(FY, OP)) {
            jdbc.sql("update app_user set login_provider = ?, login_subject_hash = ? where username = ?")
                    .params(MockOidc.IDPORTEN, OidcLogin.subjectHash(MockOidc.IDPORTEN, "sub-" + who), who).update();
        }
    }

    @Override
    protected void signIn(MockHttpServletRequestBuilder request, String who) throws Exception {
        Cookie session = sessions.get(who);
        if (session == null) {
            boolean siva = List.of(SIVA_STAFF).contains(who);
            String provider = siva ? MockOidc.SIVA : MockOidc.IDPORTEN;
            // Siva's directory: the subject is the user name, the roles are in the token
            MockOidc.Login login = siva
                    ? MockOidc.login(mvc, provider, who, Map.of("name", user(who).fullName(), "email", user(who).email(),
                            "roles", SIVA_ROLES.get(who)), null)
                    : MockOidc.login(mvc, provider, "sub-" + who, Map.of("acr", "idporten-loa-substantial"), null);
            assertThat(login.location()).as(who + " signed in through " + provider).isEqualTo("/");
            session = login.session();
            sessions.put(who, session);
        }
        request.cookie(session);
    }
}
