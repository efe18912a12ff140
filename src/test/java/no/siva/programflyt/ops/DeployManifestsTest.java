package no.siva.programflyt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What CI can check of deploy/ without a cluster, Helm or Docker: every YAML file parses; the kustomization names
 * files that exist; the Deployment runs 2+ replicas as non-root with probes on the actuator's health groups and
 * resources; there is a PodDisruptionBudget; the compose file has the engine, its search, the database and the app;
 * and every setting the production profile requires is documented in deploy/README.md and set in the manifests.
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("deploy");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object o : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
            if (o != null) {
                docs.add((Map<String, Object>) o);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object n = node;
        for (String p : path) {
            n = n instanceof Map<?, ?> m ? m.get(p) : n instanceof List<?> l ? l.get(Integer.parseInt(p)) : null;
        }
        return (T) n;
    }

    @Test
    void everyYamlFileParses() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
            assertThat(yaml).hasSizeGreaterThanOrEqualTo(10);
            for (Path f : yaml) {
                assertThat(documents(f)).as(f.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void theAppsManifestsAreComplete() throws IOException {
        Map<String, Object> kustomization = documents(DEPLOY.resolve("k8s/base/kustomization.yaml")).get(0);
        List<String> resources = at(kustomization, "resources");
        for (String r : resources) {
            assertThat(DEPLOY.resolve("k8s/base").resolve(r)).exists();
        }
        assertThat(resources).contains("deployment.yaml", "service.yaml", "pdb.yaml", "configmap.yaml");
        Map<String, Object> deployment = documents(DEPLOY.resolve("k8s/base/deployment.yaml")).get(0);
        assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        assertThat((Boolean) at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isTrue();
        Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");
        assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((Object) at(container, "resources", "requests", "memory")).isNotNull();
        assertThat((Object) at(container, "resources", "limits", "memory")).isNotNull();
        assertThat((String) at(documents(DEPLOY.resolve("k8s/base/pdb.yaml")).get(0), "kind")).isEqualTo("PodDisruptionBudget");
        Map<String, Object> camunda = documents(DEPLOY.resolve("camunda/values-8.8.yaml")).get(0);
        assertThat((String) at(camunda, "orchestration", "clusterSize")).isEqualTo("3");
        assertThat((String) at(camunda, "orchestration", "replicationFactor")).isEqualTo("3");
        Map<String, Object> compose = documents(DEPLOY.resolve("docker-compose.yml")).get(0);
        assertThat(((Map<String, Object>) at(compose, "services")).keySet())
                .contains("camunda", "elasticsearch", "postgres", "programflyt");
        assertThat((String) at(compose, "services", "camunda", "image")).startsWith("camunda/camunda:8.8");
    }

    /**
     * Camunda 8.10 beside 8.8: the Orchestration Cluster of three on PostgreSQL secondary storage (with the RDBMS
     * exporter the chart needs for it), no Elasticsearch key anywhere (chart 15 refuses them), the licence from a
     * Secret (not the removed global.license.key), OIDC, the camunda/camunda image at 8.10; and the README says which
     * server versions the 8.8 client works with, how to verify it and how to upgrade before 8.8's end of maintenance.
     */
    @Test
    void camunda810ValuesRunOnPostgresqlWithALicence() throws IOException {
        Map<String, Object> values = documents(DEPLOY.resolve("camunda/values-8.10.yaml")).get(0);
        assertThat((String) at(values, "orchestration", "clusterSize")).isEqualTo("3");
        assertThat((String) at(values, "orchestration", "partitionCount")).isEqualTo("3");
        assertThat((String) at(values, "orchestration", "replicationFactor")).isEqualTo("3");
        assertThat((String) at(values, "orchestration", "data", "secondaryStorage", "type")).isEqualTo("rdbms");
        assertThat((String) at(values, "orchestration", "data", "secondaryStorage", "rdbms", "url")).startsWith("jdbc:postgresql://");
        assertThat((Object) at(values, "orchestration", "data", "secondaryStorage", "rdbms", "secret", "existingSecret")).isNotNull();
        assertThat((Boolean) at(values, "orchestration", "exporters", "rdbms", "enabled")).isTrue();
        assertThat(values).doesNotContainKey("elasticsearch");
        assertThat((Map<String, Object>) at(values, "global")).doesNotContainKey("elasticsearch");
        assertThat((Object) at(values, "global", "license", "secret", "existingSecret")).isNotNull();
        assertThat((Object) at(values, "global", "license", "key")).isNull();
        assertThat((String) at(values, "global", "security", "authentication", "method")).isEqualTo("oidc");
        assertThat((String) at(values, "orchestration", "image", "repository")).isEqualTo("camunda/camunda");
        assertThat((String) at(values, "orchestration", "image", "tag")).startsWith("8.10.");
        assertThat((Boolean) at(values, "optimize", "enabled")).isFalse();
        // 8.8 stays for today's clusters
        assertThat(DEPLOY.resolve("camunda/values-8.8.yaml")).exists();

        String readme = Files.readString(DEPLOY.resolve("README.md"));
        assertThat(readme).contains("values-8.10.yaml", "8.8.14", "/v2/topology", "13 April 2027", "Helm 4",
                "Enterprise", "8.8 → 8.9 → 8.10");
    }

    @Test
    void everyRequiredProductionSettingIsDocumentedAndSet() throws IOException {
        String readme = Files.readString(DEPLOY.resolve("README.md"));
        Map<String, Object> config = at(documents(DEPLOY.resolve("k8s/base/configmap.yaml")).get(0), "data");
        Map<String, Object> secret = at(documents(DEPLOY.resolve("k8s/base/secret.example.yaml")).get(0), "stringData");
        StandardEnvironment empty = new StandardEnvironment();
        empty.setActiveProfiles("prod");
        List<String> required = new ArrayList<>(ProductionSettings.missing(empty));
        required.addAll(List.of("camunda.client.auth.client-id", "camunda.client.auth.client-secret", "camunda.client.auth.token-url",
                "spring.security.oauth2.client.registration.siva.client-id",
                "spring.security.oauth2.client.registration.siva.client-secret",
                "spring.security.oauth2.client.provider.siva.issuer-uri",
                "spring.security.oauth2.client.registration.idporten.client-id",
                "spring.security.oauth2.client.registration.idporten.client-secret",
                "spring.security.oauth2.client.provider.idporten.issuer-uri",
                "programflyt.security.oidc.providers.idporten.access",
                "programflyt.access.first-admin-email"));
        for (String property : required) {
            String env = ProductionSettings.envName(property);
            assertThat(readme).as("deploy/README.md documents " + env).contains(env);
            assertThat(config.containsKey(env) || secret.containsKey(env)).as("the manifests set " + env).isTrue();
        }
    }
}
