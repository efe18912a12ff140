package no.siva.programflyt.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The production profile names every missing setting instead of starting (and failing later on something else). */
class ProductionSettingsTest {

    private static StandardEnvironment env(String profile, Map<String, Object> props) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        env.setActiveProfiles(profile);
        return env;
    }

    private static Map<String, Object> complete() {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", "jdbc:postgresql://db:5432/programflyt");
        p.put("spring.datasource.username", "programflyt");
        p.put("spring.datasource.password", "secret");
        p.put("spring.mail.host", "smtp.siva.internal");
        p.put("programflyt.base-url", "https://programflyt.siva.no");
        p.put("programflyt.siva-mailbox", "forprosjekt@siva.no");
        p.put("camunda.client.mode", "self-managed");
        p.put("camunda.client.grpc-address", "http://zeebe:26500");
        p.put("camunda.client.rest-address", "http://zeebe:8080");
        p.put("camunda.client.auth.method", "oidc");
        p.put("camunda.client.auth.client-id", "programflyt");
        p.put("camunda.client.auth.client-secret", "secret");
        p.put("camunda.client.auth.token-url", "https://login/token");
        return p;
    }

    @Test
    void aCompleteProductionConfigurationStarts() {
        new ProductionSettings().postProcessEnvironment(env("prod", complete()), new SpringApplication());
        assertThat(ProductionSettings.missing(env("prod", complete()))).isEmpty();
    }

    @Test
    void eachMissingSettingIsNamedWithItsEnvironmentVariable() {
        Map<String, Object> p = complete();
        p.remove("spring.datasource.password");
        p.remove("camunda.client.auth.client-secret");
        p.put("programflyt.base-url", "http://localhost:8080");
        assertThatThrownBy(() -> new ProductionSettings().postProcessEnvironment(env("prod", p), new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.datasource.password (SPRING_DATASOURCE_PASSWORD)")
                .hasMessageContaining("camunda.client.auth.client-secret (CAMUNDA_CLIENT_AUTH_CLIENTSECRET)")
                .hasMessageContaining("programflyt.base-url (PROGRAMFLYT_BASEURL)")
                .hasMessageNotContaining("spring.datasource.url ");
    }

    @Test
    void saasAndOidcLoginNeedTheirOwnSettings_andOtherProfilesAreNotChecked() {
        Map<String, Object> p = complete();
        p.put("camunda.client.mode", "saas");
        p.put("programflyt.security.oidc.enabled", "true");
        assertThat(ProductionSettings.missing(env("prod", p))).containsExactly("camunda.client.cloud.cluster-id",
                "camunda.client.cloud.region", "spring.security.oauth2.client.registration.siva.client-id",
                "spring.security.oauth2.client.registration.siva.client-secret",
                "spring.security.oauth2.client.provider.siva.issuer-uri");
        new ProductionSettings().postProcessEnvironment(env("dev", new HashMap<>()), new SpringApplication());
    }
}
