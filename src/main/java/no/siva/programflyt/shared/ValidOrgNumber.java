package no.siva.programflyt.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form field holding a Norwegian organisation number as people type it ("912 345 742"): nine digits with a correct
 * check digit ({@link OrgNumber}). An empty field is an error too: the number is what identifies the enterprise.
 */
@Documented
@Constraint(validatedBy = ValidOrgNumber.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidOrgNumber {

    String message() default "{validation.orgNumber}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check, by {@link OrgNumber#isValid}. */
    class Check implements ConstraintValidator<ValidOrgNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && OrgNumber.isValid(OrgNumber.normalize(value));
        }
    }
}
