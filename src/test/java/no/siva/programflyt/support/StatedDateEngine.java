package no.siva.programflyt.support;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.spring.test.AbstractZeebeTestExecutionListener;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import no.siva.devruntime.EngineClock;
import no.siva.programflyt.shared.Formats;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * A fresh in-memory engine for each test (as {@code @ZeebeSpringTest}'s listener gives), started at the test's
 * stated date rather than the day the test happens to run: {@link TestDate} on the method or class, else the suite's
 * date. The engine's clock is set before the engine starts (nothing is scheduled on it yet), and the application's
 * clock follows it ({@link EngineClock}), so the two agree for the whole test, also after {@code increaseTime}.
 */
public class StatedDateEngine extends AbstractZeebeTestExecutionListener implements TestExecutionListener, Ordered {

    /** The suite's date: {@code -Dprogramflyt.test-date=2028-02-29} (surefire passes {@code test.date} from the pom). */
    public static final String PROPERTY = "programflyt.test-date";
    /** When nothing says otherwise (a test started from an IDE). */
    static final String DEFAULT_DATE = "2027-01-02";
    private static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

    private ZeebeTestEngine engine;

    /** The suite's starting moment: its date at 09:00 in Oslo. */
    public static Instant suiteStart() {
        return parse(System.getProperty(PROPERTY, DEFAULT_DATE));
    }

    static Instant startOf(Class<?> testClass, AnnotatedElement method) {
        TestDate stated = method == null ? null : method.getAnnotation(TestDate.class);
        if (stated == null) {
            stated = testClass.getAnnotation(TestDate.class);
        }
        return stated == null ? suiteStart() : parse(stated.value());
    }

    private static Instant parse(String value) {
        String v = value.trim();
        LocalDateTime at = v.contains("T") ? LocalDateTime.parse(v) : LocalDate.parse(v).atTime(DEFAULT_TIME);
        return at.atZone(Formats.OSLO).toInstant();
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        Instant start = startOf(testContext.getTestClass(), testContext.getTestMethod());
        engine = EngineFactory.create();
        // Before start(): the engine has scheduled nothing on its clock yet, so it may move backwards as well.
        engine.increaseTime(Duration.between(Instant.now(), start));
        engine.start();
        testContext.getApplicationContext().getBean(EngineClock.class).follow(engine);
        setupWithZeebeEngine(testContext, engine);
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        try {
            cleanup(testContext, engine);
        } finally {
            testContext.getApplicationContext().getBean(EngineClock.class).release();
            engine.stop();
            engine = null;
        }
    }

    @Override
    public int getOrder() {
        return Integer.MIN_VALUE;
    }
}
