package no.siva.programflyt;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Programflyt: workflow and case management for Siva's business-garden programme. The models and forms are deployed
 * from this application's own class path root ({@code classpath:}, not {@code classpath*:}, which searched every jar
 * of the class path at each deployment: each process test deploys to a fresh engine).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Deployment(resources = {"classpath:/processes/*.bpmn", "classpath:/forms/*.form"})
public class ProgramflytApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProgramflytApplication.class, args);
    }
}
