package no.siva.programflyt.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form field (or a form record's component) of Norwegian kroner, bound by Spring MVC as Norwegians type it ("1 250 000", "1250000,50", "10 000 kr";
 * see {@link Amounts}) and shown for editing as {@link Formats#input} writes it. Text that is no amount is a binding
 * error at the field (code {@code typeMismatch}); an empty field is null.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Kroner {}
