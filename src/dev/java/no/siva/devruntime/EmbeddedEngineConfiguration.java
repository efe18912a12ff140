package no.siva.devruntime;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one-command run's engine: Camunda's in-memory Zeebe engine (zeebe-process-test) inside the app JVM,
 * listening on loopback gRPC, with the application's clock following its clock. Its state lives in memory only, and
 * so does the embedded PostgreSQL's: both start empty together. Development only (it is not in the packaged
 * application); production points {@code camunda.client.*} at a Zeebe cluster.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "programflyt.embedded-engine.enabled", havingValue = "true")
class EmbeddedEngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);
    static final String BEAN = "embeddedZeebeEngine";

    @Bean(name = BEAN, destroyMethod = "stop")
    ZeebeTestEngine embeddedZeebeEngine(Environment env, EngineClock clock) {
        int port = env.getProperty("programflyt.embedded-engine.port", Integer.class, 26500);
        ZeebeTestEngine engine = EngineFactory.create(port);
        engine.start();
        clock.follow(engine);
        log.info("In-memory Zeebe engine listening on {}", engine.getGatewayAddress());
        return engine;
    }

    /** The Camunda client (and so deployment and workers) must only start once the engine is up. */
    @Bean
    static BeanFactoryPostProcessor camundaClientDependsOnEmbeddedEngine() {
        return factory -> {
            for (String name : factory.getBeanDefinitionNames()) {
                BeanDefinition def = factory.getBeanDefinition(name);
                String type = def.getBeanClassName() + " " + def.getFactoryMethodName();
                if (name.equals("camundaClient") || name.equals("zeebeClient")
                        || type.contains("CamundaClient") && !name.equals(BEAN)) {
                    def.setDependsOn(append(def.getDependsOn(), BEAN));
                }
            }
        };
    }

    private static String[] append(String[] existing, String extra) {
        if (existing == null) {
            return new String[] {extra};
        }
        String[] out = Arrays.copyOf(existing, existing.length + 1);
        out[existing.length] = extra;
        return out;
    }
}
