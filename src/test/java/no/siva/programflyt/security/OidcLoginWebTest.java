package no.siva.programflyt.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import no.siva.programflyt.support.ProcessTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With OIDC login on (production), the login page sends users to Siva's identity provider; form login is off. */
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "programflyt.security.oidc.enabled=true",
        "spring.security.oauth2.client.registration.siva.client-id=programflyt-web",
        "spring.security.oauth2.client.registration.siva.client-secret=secret",
        "spring.security.oauth2.client.registration.siva.scope=openid,profile,email",
        "spring.security.oauth2.client.registration.siva.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.siva.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.siva.authorization-uri=https://login.example.no/auth",
        "spring.security.oauth2.client.provider.siva.token-uri=https://login.example.no/token",
        "spring.security.oauth2.client.provider.siva.jwk-set-uri=https://login.example.no/jwks",
        "spring.security.oauth2.client.provider.siva.user-info-uri=https://login.example.no/userinfo",
        "spring.security.oauth2.client.provider.siva.user-name-attribute=sub"})
class OidcLoginWebTest extends ProcessTestBase {

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageSendsUsersToTheIdentityProvider_andFormLoginIsOff() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/oauth2/authorization/siva")))
                .andExpect(content().string(not(containsString("name=\"password\""))));
        mvc.perform(get("/oauth2/authorization/siva")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location",
                        startsWith("https://login.example.no/auth?response_type=code&client_id=programflyt-web")))
                // PKCE, which ID-porten requires of every client
                .andExpect(header().string("Location", containsString("code_challenge_method=S256")));
        mvc.perform(get("/tasks")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }
}
