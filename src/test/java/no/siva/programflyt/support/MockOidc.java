package no.siva.programflyt.support;

import com.nimbusds.jose.JOSEObjectType;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A real OIDC server (NAV's mock-oauth2-server, one process-wide instance) playing two providers, and the application
 * configured as production would be: Siva's provider {@code siva} (roles from the token's claims; invitations to
 * Siva's roles) and ID-porten {@code idporten} (who a person is, nothing more; invitations to county officials and
 * operators' staff). Test classes with {@code @ContextConfiguration(initializers = MockOidc.class)} share one context.
 * <p>{@link #login} signs a person in through the whole authorisation-code flow: the application's redirect to the
 * provider, the provider's answer with a code, the application's token request over HTTP and its checks of the signed
 * ID token.
 */
public class MockOidc implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final MockOAuth2Server SERVER = new MockOAuth2Server();
    public static final String SIVA = "siva";
    public static final String IDPORTEN = "idporten";

    static {
        SERVER.start();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues values = TestPropertyValues.of(
                "programflyt.security.oidc.enabled=true",
                "programflyt.security.oidc.role-mapping.siva-saksbehandler=SIVA_SAKSBEHANDLER",
                "programflyt.security.oidc.role-mapping.siva-prosjektleder=SIVA_PROSJEKTLEDER",
                "programflyt.security.oidc.role-mapping.programflyt-admin=ADMIN",
                "programflyt.security.oidc.providers.siva.label=Siva",
                "programflyt.security.oidc.providers.siva.access=claims",
                "programflyt.security.oidc.providers.siva.invitations=ADMIN,SIVA_SAKSBEHANDLER,SIVA_PROSJEKTLEDER",
                "programflyt.security.oidc.providers.idporten.label=ID-porten",
                "programflyt.security.oidc.providers.idporten.access=granted",
                "programflyt.security.oidc.providers.idporten.invitations=FYLKE,OPERATOR");
        for (String id : List.of(SIVA, IDPORTEN)) {
            String registration = "spring.security.oauth2.client.registration." + id + ".";
            values = values.and(registration + "client-id=programflyt", registration + "client-secret=hemmelig",
                    registration + "scope=openid,profile", registration + "authorization-grant-type=authorization_code",
                    registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                    "spring.security.oauth2.client.provider." + id + ".issuer-uri=" + SERVER.issuerUrl(id));
        }
        values.applyTo(context);
    }

    /** The outcome of a login: where the application sent her, and her session cookie. */
    public record Login(String location, Cookie session) {}

    /**
     * Signs in through the provider with these claims (the subject is the provider's, e.g. ID-porten's pairwise
     * pseudonym), in the browser session of {@code session} (null: a new one).
     */
    public static Login login(MockMvc mvc, String provider, String subject, Map<String, Object> claims, Cookie session)
            throws Exception {
        MockHttpServletResponse start = perform(mvc, "/oauth2/authorization/" + provider, session).getResponse();
        Cookie cookie = start.getCookie("SESSION") != null ? start.getCookie("SESSION") : session;
        SERVER.enqueueCallback(new DefaultOAuth2TokenCallback(provider, subject, JOSEObjectType.JWT.getType(),
                List.of("programflyt"), claims, 3600));
        HttpResponse<Void> answer;
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            answer = http.send(HttpRequest.newBuilder(URI.create(start.getRedirectedUrl())).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        URI callback = URI.create(answer.headers().firstValue("Location").orElseThrow());
        MockHttpServletResponse done = perform(mvc, callback.getRawPath() + "?" + callback.getRawQuery(), cookie)
                .getResponse();
        return new Login(done.getRedirectedUrl(), done.getCookie("SESSION") != null ? done.getCookie("SESSION") : cookie);
    }

    /**
     * Opens an invitation's link and presses «Ta imot med …» for this provider, in a new browser session; returns
     * where the application sent her and the session.
     */
    public static Login accept(MockMvc mvc, String secret, String provider) throws Exception {
        MvcResult page = perform(mvc, "/invitasjon/" + secret, null);
        Cookie session = page.getResponse().getCookie("SESSION");
        var press = MockMvcRequestBuilders.post("/invitasjon/" + secret).param("provider", provider)
                .with(SecurityMockMvcRequestPostProcessors.csrf());
        if (session != null) {
            press.cookie(session);
        }
        MockHttpServletResponse done = mvc.perform(press).andReturn().getResponse();
        return new Login(done.getRedirectedUrl(), done.getCookie("SESSION") != null ? done.getCookie("SESSION") : session);
    }

    public static MvcResult perform(MockMvc mvc, String url, Cookie session) throws Exception {
        var request = MockMvcRequestBuilders.get(URI.create(url));
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andReturn();
    }
}
