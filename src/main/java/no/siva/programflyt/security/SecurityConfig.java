package no.siva.programflyt.security;

import no.siva.programflyt.shared.DatabaseUnavailable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Form login and the coarse role rules per URL. Data scope (county, operator) is checked in the services and
 * controllers, on every page and action, because it depends on the case.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain web(HttpSecurity http, OidcLogin oidc,
                            ObjectProvider<ClientRegistrationRepository> registrations)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/login", "/css/**", "/js/**", "/vendor/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
                        "/error/**",
                        "/actuator/health/**", "/actuator/prometheus", "/stub/brreg/**", "/stub/brreg-regnskap/**",
                        "/calendar-feed/**", OidcLogin.NO_ACCESS, "/invitasjon/**")
                .permitAll()
                .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/audit", "/audit/**").hasAnyRole(Role.SIVA_PROSJEKTLEDER.name(), Role.ADMIN.name())
                .requestMatchers("/incidents/**")
                .hasAnyRole(Role.SIVA_SAKSBEHANDLER.name(), Role.SIVA_PROSJEKTLEDER.name(), Role.ADMIN.name())
                .requestMatchers("/admission/**", "/follow-up/**")
                .hasAnyRole(Role.SIVA_SAKSBEHANDLER.name(), Role.SIVA_PROSJEKTLEDER.name(), Role.FYLKE.name(),
                        Role.ADMIN.name())
                .anyRequest().authenticated())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(e -> e.accessDeniedPage("/error/403"));
        if (oidc.enabled()) {   // production: the identity providers (OidcLogin), signed in as CurrentUser
            // PKCE on every authorisation request (ID-porten requires it, also of confidential clients)
            var resolver = new DefaultOAuth2AuthorizationRequestResolver(
                    registrations.getObject(), "/oauth2/authorization");
            resolver.setAuthorizationRequestCustomizer(
                    OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(o -> o.loginPage("/login").successHandler(oidc)
                    .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver)));
        } else {                // development and tests: users in app_user with passwords
            http.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailed())
                    .permitAll());
        }
        return http.build();
    }

    /** A wrong password says so; a database that cannot be reached says that instead (not "wrong password"). */
    private static AuthenticationFailureHandler loginFailed() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (DatabaseUnavailable.isCause(exception) ? "/login?unavailable" : "/login?error"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
