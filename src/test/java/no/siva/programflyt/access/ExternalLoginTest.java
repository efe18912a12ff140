package no.siva.programflyt.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.siva.programflyt.demo.DemoUsers;
import no.siva.programflyt.notifications.OutboxMessage;
import no.siva.programflyt.registry.OperatorRepository;
import no.siva.programflyt.security.AppUser;
import no.siva.programflyt.security.AppUserRepository;
import no.siva.programflyt.security.OidcLogin;
import no.siva.programflyt.security.Role;
import no.siva.programflyt.support.MockOidc;
import no.siva.programflyt.support.ProcessTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * People from outside Siva, through a real OIDC server playing Siva's provider and ID-porten: an administrator (or an
 * operator's manager) invites; the invitation is accepted at the first ID-porten login, which binds that login; later
 * logins get the granted access; changing, suspending and withdrawing take effect at once. Every refusal (an expired
 * invitation, one used twice, the wrong provider, no invitation at all) shows a clear Norwegian page and grants
 * nothing.
 */
@AutoConfigureMockMvc
@ContextConfiguration(initializers = MockOidc.class)
class ExternalLoginTest extends ProcessTestBase {

    private static final Pattern LINK = Pattern.compile("/invitasjon/([A-Za-z0-9_-]{20,100})");
    /** ID-porten's pid claim: the national identity number, which Programflyt must not keep. */
    private static final String PID = "24078012345";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AppUserRepository users;
    @Autowired
    OperatorRepository operators;

    private MvcResult as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request
                .with(SecurityMockMvcRequestPostProcessors.user(user(username)))
                .with(csrf())).andReturn();
    }

    /** Invites (as {@code by}) and returns the secret from the e-mail sent. */
    private String invite(String by, Map<String, String> form) throws Exception {
        MockHttpServletRequestBuilder request = post("/tilgang/inviter");
        form.forEach(request::param);
        MvcResult result = as(by, request);
        assertThat(result.getResponse().getRedirectedUrl()).as(body(result)).isEqualTo("/tilgang");
        String mail = jdbc.sql("select body_html from outbox_message where recipient = ? order by id desc limit 1")
                .param(form.get("email")).query(String.class).single();
        Matcher m = LINK.matcher(mail);
        assertThat(m.find()).as(mail).isTrue();
        // the link is the e-mail's secret part, which the outbox blanks once sent (SecretPartTest)
        assertThat(OutboxMessage.SECRET.matcher(mail).find()).as("the link marked secret").isTrue();
        assertThat(OutboxMessage.SECRET.matcher(mail).replaceAll("")).doesNotContain(m.group(1));
        return m.group(1);
    }

    private static Map<String, String> county(String name, String email, String... counties) {
        return Map.of("fullName", name, "email", email, "role", "FYLKE", "counties", String.join(",", counties));
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String url, Cookie session) throws Exception {
        return body(MockOidc.perform(mvc, url, session));
    }

    private static Map<String, Object> idporten() {
        return Map.of("pid", PID, "acr", "idporten-loa-substantial", "amr", List.of("BankID"));
    }

    /** She opens the link and presses «Ta imot med ID-porten»: the session that then signs in. */
    private Cookie accepting(String secret) throws Exception {
        MockOidc.Login pressed = MockOidc.accept(mvc, secret, MockOidc.IDPORTEN);
        assertThat(pressed.location()).isEqualTo("/oauth2/authorization/idporten");
        return pressed.session();
    }

    /** The person of this name (the invited get a generated user name). */
    private AppUser named(String fullName) {
        return users.findAll().stream().filter(u -> fullName.equals(u.getFullName())).findFirst().orElseThrow();
    }

    private int grants() {
        return jdbc.sql("select count(*) from app_user where login_subject_hash is not null").query(Integer.class).single();
    }

    @Test
    void anInvitedCountyOfficialAcceptsAtHerFirstIdPortenLogin_andLaterLoginsGetHerAccess() throws Exception {
        String secret = invite(DemoUsers.ADMIN, county("Kari Fjordheim", "kari.fjordheim@vlfk.no", "46"));
        assertThat(jdbc.sql("select count(*) from access_invitation where token_hash = ?")
                .param(OidcLogin.subjectHash("invitation", secret)).query(Integer.class).single())
                .as("only the secret's hash is stored").isEqualTo(1);

        // she opens the link: who invited her, to what, and the login to use (ID-porten, not Siva's)
        String invitation = page("/invitasjon/" + secret, null);
        assertThat(invitation).contains("Hei Kari Fjordheim", "Anne Administrator", "Fylkesrådgiver", "Vestland",
                "Ta imot med ID-porten").doesNotContain("Ta imot med Siva");
        // the e-mail's link is blanked in the outbox once sent (the secret stays with its recipient only)
        Cookie browser = accepting(secret);

        MockOidc.Login login = MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-kari", idporten(), browser);
        assertThat(login.location()).isEqualTo("/");
        assertThat(page("/tasks", login.session())).contains("Kari Fjordheim");
        AppUser kari = named("Kari Fjordheim");
        assertThat(kari.getRoles()).containsExactly(Role.FYLKE);
        assertThat(kari.getCounties()).containsExactly("46");
        assertThat(kari.getLoginProvider()).isEqualTo(MockOidc.IDPORTEN);
        // the national identity number is nowhere in the database's tables of people and invitations
        assertThat(jdbc.sql("select count(*) from app_user u where u::text like ?").param("%" + PID + "%")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from access_invitation i where i::text like ?").param("%" + PID + "%")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event a where a::text like ?").param("%" + PID + "%")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes where position(? in encode(attribute_bytes, 'escape')) > 0")
                .param(PID).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select action from audit_event where action like 'ACCESS_%' order by id").query(String.class).list())
                .containsExactly("ACCESS_INVITED", "ACCESS_ACCEPTED");

        // a later login, from a new browser: bound, so her access without any invitation
        MockOidc.Login again = MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-kari", idporten(), null);
        assertThat(again.location()).isEqualTo("/");
        // her scope is her county's, exactly as with form login: Sogn (Vestland) yes, Helgeland (Nordland) no
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        long helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
        assertThat(MockOidc.perform(mvc, "/operators/" + sogn, again.session()).getResponse().getStatus()).isEqualTo(200);
        assertThat(MockOidc.perform(mvc, "/operators/" + helgeland, again.session()).getResponse().getStatus()).isEqualTo(404);
        assertThat(MockOidc.perform(mvc, "/tilgang", again.session()).getResponse().getStatus()).isEqualTo(403);

        // the link used a second time (another person, another browser): refused before any login, nothing granted
        MvcResult second = MockOidc.perform(mvc, "/invitasjon/" + secret, null);
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo("/invitasjon/avvist?grunn=used");
        assertThat(page("/invitasjon/avvist?grunn=used", null)).contains("Invitasjonen er allerede tatt imot");
        assertThat(grants()).isEqualTo(1);
    }

    @Test
    void twoBrowsersWithOneLink_expiry_wrongProvider_andNoInvitation_grantNothing() throws Exception {
        // two people opened the same link before either signed in: the first login takes it, the second is refused
        String secret = invite(DemoUsers.ADMIN, county("Per Vik", "per.vik@vlfk.no", "46"));
        Cookie first = accepting(secret);
        Cookie other = accepting(secret);
        assertThat(MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-per", idporten(), first).location()).isEqualTo("/");
        MockOidc.Login refused = MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-someone", idporten(), other);
        assertThat(refused.location()).isEqualTo("/invitasjon/avvist?grunn=used");
        assertThat(MockOidc.perform(mvc, "/tasks", refused.session()).getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(grants()).isEqualTo(1);

        // expired: opened in time, signed in after the 14 days (and the link itself refused after that)
        String late = invite(DemoUsers.ADMIN, county("Lise Sen", "lise.sen@vlfk.no", "46"));
        Cookie browser = accepting(late);
        advance(Duration.ofDays(14).plusMinutes(1));
        assertThat(MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-lise", idporten(), browser).location())
                .isEqualTo("/invitasjon/avvist?grunn=expired");
        assertThat(MockOidc.perform(mvc, "/invitasjon/" + late, null).getResponse().getRedirectedUrl())
                .isEqualTo("/invitasjon/avvist?grunn=expired");
        assertThat(page("/invitasjon/avvist?grunn=expired", null)).contains("Invitasjonen er utløpt");

        // the wrong provider for the invited role: a county official's invitation taken with Siva's login
        String wrong = invite(DemoUsers.ADMIN, county("Ola Feil", "ola.feil@vlfk.no", "46"));
        assertThat(MockOidc.accept(mvc, wrong, MockOidc.SIVA).location()).isEqualTo("/invitasjon/avvist?grunn=wrongProvider");
        Cookie wrongBrowser = accepting(wrong);
        MockOidc.Login viaSiva = MockOidc.login(mvc, MockOidc.SIVA, "entra-ola", Map.of("name", "Ola Feil",
                "roles", List.of("siva-saksbehandler")), wrongBrowser);
        assertThat(viaSiva.location()).isEqualTo("/invitasjon/avvist?grunn=wrongProvider");
        assertThat(page("/invitasjon/avvist?grunn=wrongProvider", null)).contains("kan ikke tas imot med denne innloggingen");
        assertThat(users.findById("entra-ola")).isEmpty();
        assertThat(grants()).isEqualTo(1);

        // a person with access who is sent another invitation (say, by an operator's manager to a county official):
        // it does not change or widen her access
        String another = invite(DemoUsers.OPERATOR_USER, Map.of("fullName", "Per Vik", "email", "per.vik@vlfk.no",
                "role", "OPERATOR"));
        assertThat(MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-per", idporten(), accepting(another)).location())
                .isEqualTo("/invitasjon/avvist?grunn=alreadyBound");
        AppUser per = named("Per Vik");
        assertThat(per.getRoles()).containsExactly(Role.FYLKE);
        assertThat(per.getOperatorId()).isNull();
        assertThat(grants()).isEqualTo(1);

        // ID-porten with no invitation: the clear page, not signed in
        MockOidc.Login stranger = MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-stranger", idporten(), null);
        assertThat(stranger.location()).isEqualTo(OidcLogin.NO_ACCESS);
        assertThat(page(OidcLogin.NO_ACCESS, stranger.session())).contains("Du har ikke tilgang til Programflyt")
                .doesNotContain("/tasks");
        assertThat(MockOidc.perform(mvc, "/tasks", stranger.session()).getResponse().getRedirectedUrl()).endsWith("/login");
        // an unknown link
        assertThat(MockOidc.perform(mvc, "/invitasjon/" + "x".repeat(43), null).getResponse().getRedirectedUrl())
                .isEqualTo("/invitasjon/avvist?grunn=unknown");
    }

    @Test
    void changingSuspendingAndWithdrawingTakeEffectAtOnce_everyChangeAudited() throws Exception {
        String secret = invite(DemoUsers.ADMIN, county("Eva Endre", "eva.endre@vlfk.no", "46"));
        Cookie browser = accepting(secret);
        MockOidc.Login eva = MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-eva", idporten(), browser);
        String username = named("Eva Endre").getUsername();
        assertThat(MockOidc.perform(mvc, "/tasks", eva.session()).getResponse().getStatus()).isEqualTo(200);

        // a new scope: her session ends; her next login has Nordland instead of Vestland
        MvcResult change = as(DemoUsers.ADMIN, post("/tilgang/personer/" + username).param("role", "FYLKE")
                .param("counties", "18"));
        assertThat(change.getResponse().getRedirectedUrl()).isEqualTo("/tilgang/personer/" + username);
        assertThat(MockOidc.perform(mvc, "/tasks", eva.session()).getResponse().getRedirectedUrl()).endsWith("/login");
        MockOidc.Login moved = MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-eva", idporten(), null);
        assertThat(moved.location()).isEqualTo("/");
        assertThat(users.findById(username).orElseThrow().getCounties()).containsExactly("18");

        // suspended: signed out at once and refused at login; resumed: in again
        as(DemoUsers.ADMIN, post("/tilgang/personer/" + username + "/stans"));
        assertThat(MockOidc.perform(mvc, "/tasks", moved.session()).getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-eva", idporten(), null).location()).isEqualTo(OidcLogin.NO_ACCESS);
        as(DemoUsers.ADMIN, post("/tilgang/personer/" + username + "/gjenopprett"));
        MockOidc.Login back = MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-eva", idporten(), null);
        assertThat(back.location()).isEqualTo("/");

        // withdrawn: signed out, refused, the login unbound (only a new invitation brings her back)
        as(DemoUsers.ADMIN, post("/tilgang/personer/" + username + "/trekk-tilbake"));
        assertThat(MockOidc.perform(mvc, "/tasks", back.session()).getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-eva", idporten(), null).location()).isEqualTo(OidcLogin.NO_ACCESS);
        assertThat(users.findById(username).orElseThrow().accessState()).isEqualTo("WITHDRAWN");
        // resuming a withdrawn access does nothing (and says so); only a new invitation brings her back
        MvcResult resume = as(DemoUsers.ADMIN, post("/tilgang/personer/" + username + "/gjenopprett"));
        assertThat(resume.getFlashMap().get("errorKey")).isEqualTo("access.error.state");
        assertThat(MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-eva", idporten(), null).location()).isEqualTo(OidcLogin.NO_ACCESS);
        String again = invite(DemoUsers.ADMIN, county("Eva Endre", "eva.endre@vlfk.no", "46"));
        assertThat(MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-eva", idporten(), accepting(again)).location()).isEqualTo("/");
        assertThat(users.findById(username).orElseThrow().accessState()).as("the same person, back").isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select action from audit_event where action like 'ACCESS_%' order by id").query(String.class).list())
                .containsExactly("ACCESS_INVITED", "ACCESS_ACCEPTED", "ACCESS_CHANGED", "ACCESS_SUSPENDED", "ACCESS_RESUMED",
                        "ACCESS_WITHDRAWN", "ACCESS_INVITED", "ACCESS_ACCEPTED");
        assertThat(jdbc.sql("select actor from audit_event where action = 'ACCESS_WITHDRAWN'").query(String.class).single())
                .isEqualTo(DemoUsers.ADMIN);
    }

    @Test
    void anOperatorsManagerInvitesAndRemovesOnlyTheOperatorsOwnStaff() throws Exception {
        long sogn = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(0)).orElseThrow().getId();
        long helgeland = operators.findByOrgNumber(DemoUsers.DEMO_OPERATORS.get(1)).orElseThrow().getId();
        // asking for another operator, and a manager's rights, gives a plain staff member of her own
        String secret = invite(DemoUsers.OPERATOR_USER, Map.of("fullName", "Siri Sogn", "email", "siri@sognnh.no",
                "role", "OPERATOR", "operatorId", String.valueOf(helgeland), "operatorManager", "true"));
        assertThat(MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-siri", idporten(), accepting(secret)).location()).isEqualTo("/");
        AppUser siri = named("Siri Sogn");
        assertThat(siri.getOperatorId()).isEqualTo(sogn);
        assertThat(siri.isOperatorManager()).isFalse();

        // not a county official, not another operator's staff
        MvcResult countyInvite = as(DemoUsers.OPERATOR_USER, post("/tilgang/inviter").param("fullName", "X")
                .param("email", "x@vlfk.no").param("role", "FYLKE").param("counties", "46"));
        assertThat(countyInvite.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(countyInvite)).contains("Velg en rolle.");
        users.save(new AppUser("helgeland-staff", "Hege Helgeland", "hege@hnh.no", "{noop}x", Set.of(Role.OPERATOR),
                Set.of(), helgeland));
        assertThat(as(DemoUsers.OPERATOR_USER, post("/tilgang/personer/helgeland-staff/trekk-tilbake")).getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(users.findById("helgeland-staff").orElseThrow().accessState()).isEqualTo("ACTIVE");
        // a member of staff who is not a manager administers nobody
        MockOidc.Login siriIn = MockOidc.login(mvc, MockOidc.IDPORTEN, "idp-siri", idporten(), null);
        assertThat(siriIn.location()).isEqualTo("/");
        assertThat(MockOidc.perform(mvc, "/tilgang", siriIn.session()).getResponse().getStatus()).isEqualTo(403);
        // another manager of her own operator: not hers to suspend
        AppUser coManager = new AppUser("sogn-leder2", "Kari Medleder", "kari@sognnh.no", "{noop}x", Set.of(Role.OPERATOR),
                Set.of(), sogn);
        coManager.grant(Set.of(Role.OPERATOR), Set.of(), sogn, true);
        users.save(coManager);
        assertThat(as(DemoUsers.OPERATOR_USER, post("/tilgang/personer/sogn-leder2/stans")).getResponse().getStatus())
                .isEqualTo(403);
        // her own staff: suspend, yes; resume (perhaps Siva's suspension), no; withdraw, yes; herself, no
        as(DemoUsers.OPERATOR_USER, post("/tilgang/personer/" + siri.getUsername() + "/stans"));
        assertThat(users.findById(siri.getUsername()).orElseThrow().accessState()).isEqualTo("SUSPENDED");
        assertThat(MockOidc.perform(mvc, "/tasks", siriIn.session()).getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(as(DemoUsers.OPERATOR_USER, post("/tilgang/personer/" + siri.getUsername() + "/gjenopprett"))
                .getResponse().getStatus()).isEqualTo(403);
        as(DemoUsers.OPERATOR_USER, post("/tilgang/personer/" + siri.getUsername() + "/trekk-tilbake"));
        assertThat(users.findById(siri.getUsername()).orElseThrow().accessState()).isEqualTo("WITHDRAWN");
        assertThat(as(DemoUsers.OPERATOR_USER, post("/tilgang/personer/" + DemoUsers.OPERATOR_USER + "/stans"))
                .getResponse().getStatus()).isEqualTo(403);
        users.deleteById("sogn-leder2");
    }

    @Test
    void badInputIsRefusedAtTheField_andNothingIsSavedOrSent() throws Exception {
        int mails = jdbc.sql("select count(*) from outbox_message").query(Integer.class).single();
        MvcResult result = as(DemoUsers.ADMIN, post("/tilgang/inviter").param("fullName", " ").param("email", "kari@")
                .param("role", "FYLKE"));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(result)).contains("Skriv personens fulle navn.", "Skriv en gyldig e-postadresse",
                "Velg minst ett fylke for en fylkesrådgiver.", "aria-invalid=\"true\"");
        MvcResult noOperator = as(DemoUsers.ADMIN, post("/tilgang/inviter").param("fullName", "Ola Nordmann")
                .param("email", "ola@nh.no").param("role", "OPERATOR").param("operatorId", "999999"));
        assertThat(body(noOperator)).contains("Velg programoperatøren personen jobber i.");
        MvcResult unknownCounty = as(DemoUsers.ADMIN, post("/tilgang/inviter").param("fullName", "Ola Nordmann")
                .param("email", "ola@vlfk.no").param("role", "FYLKE").param("counties", "46", "99"));
        assertThat(body(unknownCounty)).contains("Velg minst ett fylke");
        assertThat(jdbc.sql("select count(*) from access_invitation").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_message").query(Integer.class).single()).isEqualTo(mails);
    }
}
