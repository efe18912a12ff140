package no.siva.programflyt.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where an action the rules refuse ({@link BusinessRuleException}, thrown by the service it calls) takes the user:
 * back to the page the form is on, with the refusal's message at its top and nothing saved. One handler for the
 * whole application reads it (web's {@code GlobalErrors}); an action without it answers with the refusal page (409).
 * The path's {@code {variables}} are the action's own path variables, e.g.
 * {@code @RefusedReturnsTo("/differentiation/{id}/county/{code}")}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RefusedReturnsTo {

    /** The page's path, with the action's path variables in braces and an optional #fragment. */
    String value();
}
