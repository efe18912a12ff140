package no.siva.programflyt.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In the production profile the app refuses to start without the settings it needs, and names each one missing
 * (instead of failing later on a database or engine it cannot reach with a message about something else). Registered
 * in META-INF/spring.factories; every property is documented in deploy/README.md.
 */
class ProductionSettings implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!Arrays.asList(env.getActiveProfiles()).contains("prod")) {
            return;
        }
        List<String> missing = missing(env);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Programflyt kan ikke starte i produksjonsprofilen (prod) uten disse innstillingene "
                    + "(miljøvariabel i parentes) / cannot start in the prod profile without these settings: "
                    + String.join(", ", missing.stream().map(p -> p + " (" + envName(p) + ")").toList())
                    + ". See deploy/README.md.");
        }
    }

    /** The required settings that are not set, in the order of deploy/README.md. */
    public static List<String> missing(ConfigurableEnvironment env) {
        List<String> missing = new ArrayList<>();
        require(env, missing, "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.mail.host", "programflyt.base-url", "programflyt.siva-mailbox");
        String base = env.getProperty("programflyt.base-url", "");
        if (base.startsWith("http://localhost") && !missing.contains("programflyt.base-url")) {
            missing.add("programflyt.base-url");
        }
        String mode = env.getProperty("camunda.client.mode", "self-managed");
        if ("saas".equalsIgnoreCase(mode)) {
            require(env, missing, "camunda.client.cloud.cluster-id", "camunda.client.cloud.region",
                    "camunda.client.auth.client-id", "camunda.client.auth.client-secret");
        } else {
            require(env, missing, "camunda.client.grpc-address", "camunda.client.rest-address");
            if ("oidc".equals(env.getProperty("camunda.client.auth.method"))) {
                require(env, missing, "camunda.client.auth.client-id", "camunda.client.auth.client-secret",
                        "camunda.client.auth.token-url");
            }
        }
        if (env.getProperty("programflyt.security.oidc.enabled", Boolean.class, false)) {
            require(env, missing, "spring.security.oauth2.client.registration.siva.client-id",
                    "spring.security.oauth2.client.registration.siva.client-secret",
                    "spring.security.oauth2.client.provider.siva.issuer-uri");
        }
        return missing;
    }

    private static void require(ConfigurableEnvironment env, List<String> missing, String... properties) {
        for (String p : properties) {
            String v = env.getProperty(p);
            if (v == null || v.isBlank()) {
                missing.add(p);
            }
        }
    }

    static String envName(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }
}
