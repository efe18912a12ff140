package no.siva.devruntime;

import java.io.IOException;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * `mvn spring-boot:run` runs with the test class path (the in-memory engine is test-scoped), so the component scan
 * also sees the test classes. A test's {@code @TestConfiguration} (a database proxy, say) is for that test only:
 * the tests' own filter keeps it out of other tests' contexts, and this keeps it out of the development run.
 */
public class TestConfigurationsExcluded extends TypeExcludeFilter
        implements
            ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String TEST_CONFIGURATION = "org.springframework.boot.test.context.TestConfiguration";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton(TestConfigurationsExcluded.class.getName(), this);
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        var metadata = reader.getAnnotationMetadata();
        return metadata.hasAnnotation(TEST_CONFIGURATION) || metadata.hasMetaAnnotation(TEST_CONFIGURATION);
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
