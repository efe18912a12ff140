package no.siva.devruntime;

import no.siva.programflyt.shared.ClockConfiguration;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What the one-command run and the tests have and production does not: Camunda's in-memory engine (Camunda License
 * 1.0, for development and tests only), the application's clock following that engine's clock, and the
 * administrator's time-travel page. It lives in {@code src/dev} and reaches the class path of the tests and of
 * {@code mvn spring-boot:run} only; the packaged application and its image contain none of it
 * ({@code PackagedJarLicenceIT} checks the jar).
 */
@AutoConfiguration(before = ClockConfiguration.class)
@Import({EmbeddedEngineConfiguration.class, TimeTravelController.class, TimeTravelAdvice.class})
public class DevRuntimeAutoConfiguration {

    @Bean
    EngineClock clock() {
        return new EngineClock();
    }

    /**
     * Where an incident's key is found on an engine without a search API, when such an engine runs in this JVM (the
     * embedded one, or the tests' engine); an application reaching an engine elsewhere asks its API.
     */
    @Bean
    RecordStreamIncidentKeys recordStreamIncidentKeys(ObjectProvider<ZeebeTestEngine> engine) {
        return new RecordStreamIncidentKeys(engine);
    }
}
