package no.siva.programflyt.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The date (and time, Europe/Oslo) a test runs at: its engine starts there and the application's clock with it
 * ({@link StatedDateEngine}). On a method it wins over one on the class; without either, the suite's date
 * ({@code -Dprogramflyt.test-date}, see {@link StatedDateEngine#suiteStart()}). Either {@code 2027-12-31} (09:00) or
 * {@code 2027-12-31T23:30}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Inherited
public @interface TestDate {
    String value();
}
